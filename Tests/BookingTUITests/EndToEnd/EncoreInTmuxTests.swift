import Foundation
import Testing

/// The built `encore` program in a real terminal (tmux, TERM pinned): keys in, screen text out.
@Suite(.enabled(if: Tmux.isInstalled, "tmux is not installed: the end-to-end test is skipped"))
struct EncoreInTmuxTests {
  @Test func concertToDateToSeatToHoldInARealTerminal() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let tmux = Tmux()
    defer { tmux.stop() }
    try tmux.start(
      command: scratch.appCommand, width: 80, height: 24, environment: scratch.environment)

    try await tmux.waitFor("▸ Quiet Garden Unplugged")  // the list, not only its heading
    try tmux.send("Enter")
    try await tmux.waitFor("seats left")  // the dates, loaded
    try tmux.send("Enter")
    let map = try await tmux.waitFor("STAGE")
    #expect(map.contains("[██]"))
    try tmux.send("l", "Space", "Enter")
    let payment = try await tmux.waitFor("Short by")
    #expect(payment.contains("Seats          2 (VIP)"))
    #expect(payment.contains("hold 5:00") || payment.contains("hold 4:5"))

    try tmux.resize(width: 60, height: 18)
    try await tmux.waitFor("Terminal too small: 60x18.")
    try tmux.resize(width: 80, height: 24)
    try await tmux.waitFor("Encore · Payment")

    try tmux.send("q")
    try await tmux.waitFor("EXIT=0")
  }

  @Test func aHoldFromTheShellAndARefusedAmountInARealTerminal() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // In a shell: join, find the first date on sale, hold seats 9 and 10.
    _ = try scratch.encore("queue", "join", "garden")
    let dates = try JSONSerialization.jsonObject(
      with: Data(scratch.encore("dates", "garden", "--json").utf8))
    let list = try #require((dates as? [String: Any])?["dates"] as? [[String: Any]])
    let date = try #require(
      list.first { $0["availability"] as? String == "on_sale" }?["date_id"] as? Int)
    #expect(try scratch.encore("hold", "\(date)", "9", "10").contains("Held until"))

    let tmux = Tmux()
    defer { tmux.stop() }
    try tmux.start(
      command: scratch.appCommand, width: 80, height: 24, environment: scratch.environment)
    // The app shows the shell's hold with its countdown, and pays for that one.
    let shown = try await tmux.waitFor("holding 2 seats · 4:")
    #expect(shown.contains("e2e   hold 4:"))
    #expect(shown.contains("seats 9 and 10"))
    try tmux.send("Enter")
    let payment = try await tmux.waitFor("Encore · Payment")
    #expect(payment.contains("Seats          9 (VIP), 10 (VIP)"))

    // The amount field owns q: `q1e9` is refused with the command line's sentence.
    try tmux.send("Escape")
    try await tmux.waitFor("Concerts on sale")
    try tmux.send("p")
    try await tmux.waitFor("Encore · Points")
    try tmux.send("-l", "q1e9")
    try await tmux.waitFor("q1e9█")
    try tmux.send("Enter")
    try await tmux.waitFor("Nothing was charged.")
    let balance = try JSONSerialization.jsonObject(
      with: Data(scratch.encore("points", "--json").utf8))
    #expect((balance as? [String: Any])?["balance"] as? Int == 0)
    try tmux.send("Escape")
    try await tmux.waitFor("Concerts on sale")

    // A pasted q is not a key; End and Home from tmux (not xterm's) still move the selection.
    try tmux.run(["set-buffer", "q?"])
    try tmux.run(["paste-buffer", "-p", "-t", tmux.session])
    try tmux.send("End")
    try await tmux.waitFor("▸ 서울 재즈 나이트")
    try tmux.send("Home")
    try await tmux.waitFor("▸ Quiet Garden Unplugged")
    #expect(try !tmux.screen().contains("Press any key to close"))

    // One place in line: joined in the app, seen by `encore queue status`.
    try tmux.send("Down", "Enter")
    try await tmux.waitFor("Aurora Live 2026 · Dates")
    #expect(try scratch.encore("queue", "status", "aurora").contains("admitted"))

    try tmux.send("q")
    try await tmux.waitFor("EXIT=0")
  }
}
