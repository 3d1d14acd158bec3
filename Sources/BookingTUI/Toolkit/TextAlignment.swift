/// Where text sits inside a wider field.
public enum TextAlignment: Sendable, Hashable {
  /// Flush with the left edge.
  case left
  /// Flush with the right edge.
  case right
  /// In the middle; an odd leftover column goes to the right.
  case centre
}
