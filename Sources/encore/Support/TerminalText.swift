/// Text on its way to a terminal, with every control character made visible.
///
/// User names, concert ids, seat labels and catalog titles can hold escape sequences
/// that would move the cursor, recolour or clear the screen; shown as `\u{1B}` they do
/// nothing. Line breaks and tabs are kept, since Encore's own messages use them.
///
/// For example:
///
/// ```swift
/// TerminalText.escaped("eve\u{1B}[2J")  // "eve\\u{1B}[2J"
/// ```
enum TerminalText {
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// C0 and C1 controls and DEL (but not line feed and tab), and bidirectional overrides.
  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" || scalar == "\t" { return false }
    return scalar.properties.generalCategory == .control
      || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}
