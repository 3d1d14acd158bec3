import Foundation
import Logging

/// A swift-log handler that appends one line per message to a file, never to the screen.
///
/// Every line is one `write(2)` on a descriptor opened with `O_APPEND`, so several
/// `encore` processes can share the file without mixing their lines. If the file cannot be
/// opened, messages are dropped: logging must never break a command.
///
/// For example:
///
/// ```swift
/// LoggingSystem.bootstrap { FileLogHandler(label: $0, path: "/tmp/encore.log") }
/// ```
struct FileLogHandler: LogHandler {
  let label: String
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]
  private let sink: Sink

  init(label: String, path: String) {
    self.label = label
    self.sink = Sink(path: path)
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
    let details = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
      separator: " ")
    let time = Date().formatted(
      .iso8601.year().month().day().time(includingFractionalSeconds: true))
    var line = "\(time) \(event.level) \(label): \(event.message)"
    if !details.isEmpty { line += " [\(details)]" }
    sink.write(TerminalText.escaped(line.replacingOccurrences(of: "\n", with: " ")) + "\n")
  }

  /// The open log file, shared by copies of the handler.
  private final class Sink: Sendable {
    let descriptor: Int32

    init(path: String) {
      descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    }

    deinit {
      if descriptor >= 0 { close(descriptor) }
    }

    func write(_ line: String) {
      guard descriptor >= 0 else { return }
      var bytes = Array(line.utf8)
      _ = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }
  }
}
