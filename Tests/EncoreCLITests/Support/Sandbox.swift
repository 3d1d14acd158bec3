import Foundation
import Testing

/// A private home for one test: temporary HOME and XDG folders, a user name, and a way to
/// run the built `encore` binary there as a subprocess.
///
/// For example:
///
/// ```swift
/// let sandbox = try Sandbox()
/// let result = try await sandbox.encore("concerts", "--json")
/// #expect(result.status == 0)
/// ```
struct Sandbox: Sendable {
  let root: URL
  var user = "alice"

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  var home: URL { root.appendingPathComponent("home") }
  var dataHome: URL { root.appendingPathComponent("data") }
  var stateHome: URL { root.appendingPathComponent("state") }
  /// The file `--database` points at in tests that name one.
  var scratch: String { root.appendingPathComponent("scratch.sqlite").path }
  var defaultDatabase: URL { dataHome.appendingPathComponent("encore/encore.sqlite") }
  var logFile: URL { stateHome.appendingPathComponent("encore/encore.log") }

  /// The environment every run gets: nothing of the real home leaks in.
  var environment: [String: String] {
    [
      "HOME": home.path, "XDG_DATA_HOME": dataHome.path, "XDG_STATE_HOME": stateHome.path,
      "USER": user, "TZ": "UTC", "LANG": "C.UTF-8",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  /// The same sandbox acting as another user.
  func `as`(_ name: String) -> Sandbox {
    var copy = self
    copy.user = name
    return copy
  }

  /// Runs `encore` with `arguments` against the default database of this sandbox.
  func encore(_ arguments: String..., environment extra: [String: String?] = [:]) async throws
    -> RunResult
  {
    try await run(arguments, extra: extra)
  }

  /// Runs `encore` with `arguments` against `scratch.sqlite`.
  func scratchEncore(_ arguments: String...) async throws -> RunResult {
    try await run(arguments + ["--database", scratch], extra: [:])
  }

  func run(_ arguments: [String], extra: [String: String?]) async throws -> RunResult {
    var environment = self.environment
    for (key, value) in extra { environment[key] = value }
    return try await RunResult.launch(
      try EncoreBinary.url(), arguments: arguments, environment: environment,
      directory: root)
  }

  /// Joins the queue for `concert` as this user, expecting to be let in at once.
  func join(_ concert: String = "garden", scratch: Bool = false) async throws {
    let arguments =
      ["queue", "join", concert, "--json"] + (scratch ? ["--database", self.scratch] : [])
    let result = try await run(arguments, extra: [:])
    #expect(result.status == 0, "queue join failed: \(result.stderr)")
    #expect(try result.json()["state"] as? String == "active")
  }
}
