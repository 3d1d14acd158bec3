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

  /// Draws the newest values that fit on the first row of `rect`.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    canvas.put(String(text.suffix(rect.width)), at: rect.origin, role: role, clippedTo: rect.row(0))
  }
}
