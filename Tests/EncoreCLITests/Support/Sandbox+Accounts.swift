import Foundation

extension Sandbox {
  /// Runs `encore` as an account that owns none of the sandbox: `nobody` when the tests
  /// run as root (root may write anything), else the current account.
  func asAnotherAccount(_ arguments: String...) async throws -> RunResult {
    let binary = try EncoreBinary.url()
    guard getuid() == 0 else { return try await run(arguments, extra: [:]) }
    return try await RunResult.launch(
      URL(fileURLWithPath: "/usr/bin/setpriv"),
      arguments: ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments,
      environment: environment, directory: URL(fileURLWithPath: "/"))
  }

  /// Gives `folder` and its files to the account ``asAnotherAccount(_:)`` runs as.
  func handOver(_ folder: URL) throws {
    guard getuid() == 0 else { return }
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) + [""] {
      let path = folder.appendingPathComponent(name).path
      guard chown(path, 65534, 65534) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
  }
}
