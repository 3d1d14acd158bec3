/// Points against a diagonal on one scale: where each (x, y) lands, `•`; the line y = x,
/// `·`; axes on the left and at the bottom. For predicted against actual waits, points on
/// the diagonal were estimated right, above it too long, below it too short.
///
/// For example:
/// ```swift
/// ScatterPlot(points: [(10, 12), (30, 25)]).render(in: Rect(x: 0, y: 0, width: 20, height: 6), on: &canvas)
/// ```
public struct ScatterPlot: Widget, Sendable {
  public var points: [(x: Double, y: Double)]

  public init(points: [(x: Double, y: Double)]) {
    self.points = points
  }

  /// The largest value on either axis (both axes share it, so the diagonal is y = x).
  public var scale: Double {
    max(1, points.reduce(0) { max($0, $1.x, $1.y) })
  }

  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard rect.width >= 3, rect.height >= 2 else { return }
    let plot = Rect(x: rect.minX + 1, y: rect.minY, width: rect.width - 1, height: rect.height - 1)
    for y in plot.minY..<plot.maxY {
      canvas.put("│", at: Point(rect.minX, y), role: .border, clippedTo: rect)
    }
    canvas.put(
      "└" + String(repeating: "─", count: plot.width), at: Point(rect.minX, plot.maxY),
      role: .border, clippedTo: rect)
    func cell(_ x: Double, _ y: Double) -> Point {
      let column = Int((x / scale * Double(plot.width - 1)).rounded())
      let row = Int((y / scale * Double(plot.height - 1)).rounded())
      return Point(plot.minX + column, plot.maxY - 1 - row)
    }
    for step in 0..<plot.width {
      let value = Double(step) / Double(max(1, plot.width - 1)) * scale
      canvas.put("·", at: cell(value, value), role: .dim, clippedTo: plot)
    }
    for point in points {
      canvas.put("•", at: cell(max(0, point.x), max(0, point.y)), role: .accent, clippedTo: plot)
    }
  }
}
