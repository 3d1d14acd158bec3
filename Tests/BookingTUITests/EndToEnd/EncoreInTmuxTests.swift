import Foundation
import Testing

/// The built `encore` program in a real terminal (tmux, TERM pinned): keys in, screen text out.
@Suite(.enabled(if: Tmux.isInstalled, "tmux is not installed: the end-to-end test is skipped"))
struct EncoreInTmuxTests {
  /// `encore` is built next to the test bundle.
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("encore")

  @Test func concertToDateToSeatToHoldInARealTerminal() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.binary.path),
      "encore was not built at \(Self.binary.path)")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = Tmux()
    defer { tmux.stop() }
    let database = directory.appendingPathComponent("e2e.sqlite").path
    try tmux.start(
      command: "'\(Self.binary.path)' --database '\(database)' --user e2e; echo EXIT=$?; sleep 5",
      width: 80, height: 24,
      environment: [
        "TERM": "xterm-256color", "XDG_DATA_HOME": directory.path,
        "XDG_STATE_HOME": directory.path, "LANG": "C.UTF-8",
      ])

    try await tmux.waitFor("▸ Quiet Garden Unplugged")  // the list, not only its heading
    try tmux.send("Enter")
    try await tmux.waitFor("Quiet Garden Unplugged · Dates")
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
}
