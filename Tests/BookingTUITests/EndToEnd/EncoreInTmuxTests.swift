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

  @Test func aHoldFromTheShellAndARefusedAmountInARealTerminal() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.binary.path),
      "encore was not built at \(Self.binary.path)")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = directory.appendingPathComponent("e2e.sqlite").path
    let environment = [
      "TERM": "xterm-256color", "XDG_DATA_HOME": directory.path, "XDG_STATE_HOME": directory.path,
      "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
    ]
    func encore(_ arguments: String...) throws -> String {
      try Self.run(arguments + ["--database", database, "--user", "e2e"], environment: environment)
    }

    // In a shell: join, find the first date on sale, hold seats 9 and 10.
    _ = try encore("queue", "join", "garden")
    let dates = try JSONSerialization.jsonObject(
      with: Data(encore("dates", "garden", "--json").utf8))
    let list = try #require((dates as? [String: Any])?["dates"] as? [[String: Any]])
    let date = try #require(
      list.first { $0["availability"] as? String == "on_sale" }?["date_id"] as? Int)
    #expect(try encore("hold", "\(date)", "9", "10").contains("Held until"))

    let tmux = Tmux()
    defer { tmux.stop() }
    try tmux.start(
      command: "'\(Self.binary.path)' --database '\(database)' --user e2e; echo EXIT=$?; sleep 5",
      width: 80, height: 24, environment: environment)
    // The app shows the shell's hold with its countdown, and pays for that one.
    let list1 = try await tmux.waitFor("holding 2 seats · 4:")
    #expect(list1.contains("e2e   hold 4:"))
    #expect(list1.contains("seats 9 and 10"))
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
    let balance = try JSONSerialization.jsonObject(with: Data(encore("points", "--json").utf8))
    #expect((balance as? [String: Any])?["balance"] as? Int == 0)
    try tmux.send("Escape")
    try await tmux.waitFor("Concerts on sale")

    // One place in line: joined in the app, seen by `encore queue status`.
    try tmux.send("Down", "Enter")
    try await tmux.waitFor("Aurora Live 2026 · Dates")
    #expect(try encore("queue", "status", "aurora").contains("admitted"))

    try tmux.send("q")
    try await tmux.waitFor("EXIT=0")
  }

  /// Runs the built `encore` with `arguments` and returns its standard output.
  static func run(_ arguments: [String], environment: [String: String]) throws -> String {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
