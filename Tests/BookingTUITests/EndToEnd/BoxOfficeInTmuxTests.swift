import Foundation
import Testing

/// `encore box-office` in a real terminal: an operator pauses the line, a shell's hold
/// shows within a second, and a viewer who is not an operator changes nothing.
@Suite(.enabled(if: Tmux.isInstalled, "tmux is not installed: the end-to-end test is skipped"))
struct BoxOfficeInTmuxTests {
  @Test func anOperatorPausesAndSeesAShellsHoldLive() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try scratch.encore("operators", "add", "e2e")
    let tmux = Tmux()
    defer { tmux.stop() }
    try tmux.start(
      command: scratch.boxOfficeCommand("garden", user: scratch.user), width: 80, height: 24,
      environment: scratch.environment)
    let first = try await tmux.waitFor("operator e2e")
    #expect(first.contains("● letting people in"))
    #expect(first.contains("    0 held"))

    try tmux.send("p")
    try await tmux.waitFor("? Pause the line?")
    try tmux.send("y")
    try await tmux.waitFor("PAUSED: nobody is let in")
    #expect(try scratch.encore("queue", "rules", "garden").contains("Concert"))

    // A hold from a shell, in another process, shows up by itself.
    try tmux.send("p")
    try await tmux.waitFor("? Resume the line?")
    try tmux.send("y")
    try await tmux.waitFor("● letting people in")
    _ = try scratch.encore("queue", "join", "garden")
    let dates = try JSONSerialization.jsonObject(
      with: Data(scratch.encore("dates", "garden", "--json").utf8))
    let list = try #require((dates as? [String: Any])?["dates"] as? [[String: Any]])
    let date = try #require(
      list.first { $0["availability"] as? String == "on_sale" }?["date_id"] as? Int)
    _ = try scratch.encore("hold", "\(date)", "9", "10")
    try await tmux.waitFor("    2 held")

    try tmux.send("q")
    let exit = try await tmux.waitFor("EXIT=")
    #expect(exit.contains("EXIT=0"), "\(exit)")
  }

  @Test func aViewerWhoIsNotAnOperatorIsToldWhyAndNothingChanges() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try scratch.encore("operators", "add", "e2e")
    let tmux = Tmux()
    defer { tmux.stop() }
    try tmux.start(
      command: scratch.boxOfficeCommand("garden", user: "mallory"), width: 80, height: 24,
      environment: scratch.environment)
    try await tmux.waitFor("mallory · view only")
    try tmux.send("p")
    try await tmux.waitFor("mallory is not an operator of this sale")
    try tmux.send("y")
    let after = try await tmux.waitFor("● letting people in")
    #expect(!after.contains("PAUSED"))
    try tmux.send("q")
    let exit = try await tmux.waitFor("EXIT=")
    #expect(exit.contains("EXIT=0"), "\(exit)")
  }
}
