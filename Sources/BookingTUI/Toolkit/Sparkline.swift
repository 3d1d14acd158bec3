/// A one-line chart of counts, one block per value, scaled to the largest: `▁▂▅█▇▃`.
/// A zero is a low dot, so an empty minute differs from a slow one.
///
/// For example:
/// ```swift
/// Sparkline(values: [0, 2, 5, 10]).render(in: Rect(x: 0, y: 0, width: 4, height: 1), on: &canvas)
/// // ·▂▄█
/// ```
public struct Sparkline: Widget, Sendable {
  /// The counts, oldest first.
  public var values: [Int]
  public var role: Role

  static let levels = Array("▁▂▃▄▅▆▇█")

  /// Creates a sparkline.
  public init(values: [Int], role: Role = .accent) {
    self.values = values
    self.role = role
  }

  /// The line as text: the last `rect.width` values, one character each.
  public var text: String {
    let top = max(1, values.max() ?? 1)
    return String(
      values.map { value in
        guard value > 0 else { return "·" }
        let level = (value * (Self.levels.count - 1) + top - 1) / top
        return Self.levels[min(Self.levels.count - 1, max(0, level))]
      })
  }

  /// Draws the newest values that fit. One row: a character a value. Taller: each value
  /// is a bar `rect.width / values.count` columns wide, in eighths of a row.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    guard rect.height > 1, !values.isEmpty else {
      canvas.put(
        String(text.suffix(rect.width)), at: rect.origin, role: role, clippedTo: rect.row(0))
      return
    }
    let width = max(1, rect.width / values.count)
    let top = max(1, values.max() ?? 1)
    for (index, value) in values.suffix(rect.width / width).enumerated() {
      let x = rect.minX + index * width
      guard value > 0 else {
        canvas.put("·", at: Point(x, rect.maxY - 1), role: .dim, clippedTo: rect)
        continue
      }
      var eighths = max(1, (value * rect.height * 8 + top - 1) / top)
      for y in stride(from: rect.maxY - 1, through: rect.minY, by: -1) where eighths > 0 {
        let level = Self.levels[min(8, eighths) - 1]
        canvas.put(
          String(repeating: String(level), count: max(1, width - 1)), at: Point(x, y), role: role,
          clippedTo: rect)
        eighths -= 8
      }
    }
  }
}
