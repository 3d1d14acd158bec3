/// A key and what it does, as shown in the footer and the help overlay.
public struct KeyHint: Hashable, Sendable {
  /// The key as the user reads it: "q", "←↑↓→ hjkl", "Enter".
  public var key: String
  /// What it does: "quit", "move".
  public var label: String

  /// Creates a hint.
  public init(_ key: String, _ label: String) {
    self.key = key
    self.label = label
  }
}
