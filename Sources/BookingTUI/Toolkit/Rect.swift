/// A rectangle of cells: an origin and a size. `maxX` and `maxY` are exclusive.
///
/// For example:
/// ```swift
/// let screen = Rect(width: 80, height: 24)
/// let (header, rest) = screen.split(topRows: 2)
/// let dialog = rest.centred(width: 40, height: 10)
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var origin: Point
  /// Columns and rows covered.
  public var size: Size

  /// Creates a rectangle from an origin and a size.
  public init(origin: Point, size: Size) {
    self.origin = origin
    self.size = size
  }

  /// Creates a rectangle from its left column, top row, width and height.
  public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
    self.init(origin: Point(x, y), size: Size(width, height))
  }

  /// A rectangle at the origin covering `size`.
  public init(size: Size) {
    self.init(origin: .zero, size: size)
  }

  /// Left column.
  public var x: Int { origin.x }
  /// Top row.
  public var y: Int { origin.y }
  /// Number of columns.
  public var width: Int { size.width }
  /// Number of rows.
  public var height: Int { size.height }
  /// Left column (inclusive).
  public var minX: Int { origin.x }
  /// Top row (inclusive).
  public var minY: Int { origin.y }
  /// One past the right column.
  public var maxX: Int { origin.x + size.width }
  /// One past the bottom row.
  public var maxY: Int { origin.y + size.height }
  /// Whether the rectangle covers no cell.
  public var isEmpty: Bool { size.width == 0 || size.height == 0 }

  /// Whether `point` lies inside.
  public func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
  }

  /// The cells covered by both rectangles (empty, at this origin, when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(minX, other.minX)
    let top = max(minY, other.minY)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else { return Rect(origin: origin, size: .zero) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// This rectangle shrunk by `amount` cells on every side.
  public func inset(_ amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  /// This rectangle shrunk by `horizontal` columns left and right and `vertical` rows top and bottom.
  public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
    inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
  }

  /// This rectangle shrunk on each side separately; never smaller than empty.
  public func inset(top: Int, left: Int, bottom: Int, right: Int) -> Rect {
    let width = max(0, size.width - left - right)
    let height = max(0, size.height - top - bottom)
    return Rect(
      x: origin.x + min(left, size.width), y: origin.y + min(top, size.height), width: width,
      height: height)
  }

  /// A rectangle of at most `width` × `height` centred inside this one.
  public func centred(width: Int, height: Int) -> Rect {
    let w = min(max(0, width), size.width)
    let h = min(max(0, height), size.height)
    return Rect(
      x: origin.x + (size.width - w) / 2, y: origin.y + (size.height - h) / 2, width: w, height: h)
  }

  /// Splits into the first `rows` rows and the rest.
  public func split(topRows rows: Int) -> (top: Rect, bottom: Rect) {
    let n = min(max(0, rows), size.height)
    return (
      Rect(x: origin.x, y: origin.y, width: size.width, height: n),
      Rect(x: origin.x, y: origin.y + n, width: size.width, height: size.height - n)
    )
  }

  /// Splits into the rest and the last `rows` rows.
  public func split(bottomRows rows: Int) -> (top: Rect, bottom: Rect) {
    split(topRows: size.height - min(max(0, rows), size.height))
  }

  /// Splits into the first `columns` columns and the rest.
  public func split(leftColumns columns: Int) -> (left: Rect, right: Rect) {
    let n = min(max(0, columns), size.width)
    return (
      Rect(x: origin.x, y: origin.y, width: n, height: size.height),
      Rect(x: origin.x + n, y: origin.y, width: size.width - n, height: size.height)
    )
  }

  /// The single row at `offset` from the top (empty if outside).
  public func row(_ offset: Int) -> Rect {
    rows(from: offset, count: 1)
  }

  /// The rows from `offset` (relative to the top) onwards, at most `count` of them.
  public func rows(from offset: Int, count: Int? = nil) -> Rect {
    let start = min(max(0, offset), size.height)
    let available = size.height - start
    let n = min(max(0, count ?? available), available)
    return Rect(x: origin.x, y: origin.y + start, width: size.width, height: n)
  }

  /// The columns from `offset` (relative to the left) onwards, at most `count` of them.
  public func columns(from offset: Int, count: Int? = nil) -> Rect {
    let start = min(max(0, offset), size.width)
    let available = size.width - start
    let n = min(max(0, count ?? available), available)
    return Rect(x: origin.x + start, y: origin.y, width: n, height: size.height)
  }

  /// The rectangle as `"(x,y) 80x24"`.
  public var description: String { "\(origin) \(size)" }
}
