import Foundation
import Testing

/// A private home for one end-to-end run: its own database and XDG folders, the built
/// `encore` to run in tmux, and the same `encore` as a command in a shell.
struct Scratch {
  /// `encore` is built next to the test bundle.
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("encore")

  let directory: URL
  let user = "e2e"

  init() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.binary.path),
      "encore was not built at \(Self.binary.path)")
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  var database: String { directory.appendingPathComponent("e2e.sqlite").path }

  /// TERM pinned, the data and state folders private.
  var environment: [String: String] {
    [
      "TERM": "xterm-256color", "XDG_DATA_HOME": directory.path, "XDG_STATE_HOME": directory.path,
      "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
    ]
  }

  /// The app, then its exit status, for tmux.
  var appCommand: String {
    "'\(Self.binary.path)' --database '\(database)' --user \(user); echo EXIT=$?; sleep 5"
  }

  /// The box office of `concert`, then its exit status, for tmux.
  func boxOfficeCommand(_ concert: String, user: String) -> String {
    "'\(Self.binary.path)' box-office \(concert) --database '\(database)' --user \(user); "
      + "echo EXIT=$?; sleep 5"
  }

  /// Runs `encore arguments…` as in a shell and returns its standard output.
  func encore(_ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments + ["--database", database, "--user", user]
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
