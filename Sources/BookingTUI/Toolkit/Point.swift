/// A cell position: column `x` from the left, row `y` from the top, both from zero.
public struct Point: Hashable, Sendable, CustomStringConvertible {
  /// Column, from zero.
  public var x: Int
  /// Row, from zero.
  public var y: Int

  /// Creates a point at column `x`, row `y`.
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }

  /// Creates a point at column `x`, row `y`.
  public init(_ x: Int, _ y: Int) {
    self.init(x: x, y: y)
  }

  /// The top-left corner.
  public static let zero = Point(0, 0)

  /// This point moved by `dx` columns and `dy` rows.
  public func offset(dx: Int = 0, dy: Int = 0) -> Point {
    Point(x + dx, y + dy)
  }

  /// The point as `"(x,y)"`.
  public var description: String { "(\(x),\(y))" }
}
