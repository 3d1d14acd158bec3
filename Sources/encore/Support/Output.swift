import Foundation

/// Writing results: JSON for scripts, plain lines for people, messages on standard error.
/// Text for people goes through ``TerminalText/escaped(_:)``; JSON is written as encoded
/// (its encoder escapes control characters itself).
enum Output {
  /// Prints `value` as one JSON object with snake_case keys and ISO-8601 times.
  static func json(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    } catch {
      self.error("Could not encode the result as JSON: \(error)")
    }
  }

  /// Prints a line on standard output.
  static func line(_ text: String = "") {
    FileHandle.standardOutput.write(Data((TerminalText.escaped(text) + "\n").utf8))
  }

  /// Prints `Error: message` on standard error, as ArgumentParser does for its errors.
  static func error(_ message: String) {
    FileHandle.standardError.write(Data("Error: \(TerminalText.escaped(message))\n".utf8))
  }

  /// Prints a progress or hint line on standard error.
  static func note(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(message) + "\n").utf8))
  }
}
