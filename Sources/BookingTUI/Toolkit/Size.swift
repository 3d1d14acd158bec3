/// A size in terminal cells: columns wide by rows high.
///
/// For example:
/// ```swift
/// let size = Size(80, 24)
/// print(size)  // 80x24
/// ```
public struct Size: Hashable, Sendable, CustomStringConvertible {
  /// Number of columns.
  public var width: Int
  /// Number of rows.
  public var height: Int

  /// Creates a size; negative values are clamped to zero.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// Creates a size from columns and rows.
  public init(_ width: Int, _ height: Int) {
    self.init(width: width, height: height)
  }

  /// The empty size.
  public static let zero = Size(0, 0)

  /// Whether this size is at least `other` in both directions.
  public func covers(_ other: Size) -> Bool {
    width >= other.width && height >= other.height
  }

  /// The size as `"80x24"`.
  public var description: String { "\(width)x\(height)" }
}
