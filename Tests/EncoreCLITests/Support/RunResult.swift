import Foundation
import Testing

/// What one run of `encore` did: exit status and both outputs.
struct RunResult: Sendable {
  var status: Int32
  var stdout: String
  var stderr: String
  /// Wall time from launch to exit.
  var seconds: Double

  /// Standard output parsed as one JSON object.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
  }

  /// The `error.code` of a JSON error answer.
  func errorCode() throws -> String? {
    (try json()["error"] as? [String: Any])?["code"] as? String
  }

  /// Starts the process, reads both pipes while it runs (large outputs never block it),
  /// and waits for it to end without blocking Swift concurrency's threads.
  static func launch(
    _ executable: URL, arguments: [String], environment: [String: String], directory: URL
  ) async throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let started = Date()
    let ended = AsyncStream.makeStream(of: Int32.self)
    process.terminationHandler = { process in
      ended.continuation.yield(process.terminationStatus)
      ended.continuation.finish()
    }
    try process.run()
    async let out = readAll(output.fileHandleForReading)
    async let err = readAll(errors.fileHandleForReading)
    var status: Int32 = -1
    for await code in ended.stream { status = code }
    return RunResult(
      status: status, stdout: await out, stderr: await err,
      seconds: Date().timeIntervalSince(started))
  }

  private static func readAll(_ handle: FileHandle) async -> String {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let data = handle.readDataToEndOfFile()
        continuation.resume(returning: String(decoding: data, as: UTF8.self))
      }
    }
  }
}
