/// A one-line bar `███░░░` with the percentage right-aligned after it.
///
/// For example:
/// ```swift
/// ProgressBar(fraction: 0.52).render(in: Rect(x: 0, y: 0, width: 20, height: 1), on: &canvas)
/// // ███████░░░░░░░  52 %
/// ```
public struct ProgressBar: Widget, Sendable {
  /// How much is done, from 0 to 1 (values outside are clamped; NaN counts as 0).
  public var fraction: Double
  /// Whether to show the percentage.
  public var showsPercentage: Bool

  /// Creates a progress bar.
  public init(fraction: Double, showsPercentage: Bool = true) {
    self.fraction = fraction
    self.showsPercentage = showsPercentage
  }

  /// The fraction clamped to 0...1.
  public var clampedFraction: Double {
    fraction.isNaN ? 0 : min(1, max(0, fraction))
  }

  /// The whole percentage shown; only a complete bar shows 100.
  public var percentage: Int {
    let value = Int((clampedFraction * 100).rounded())
    return clampedFraction < 1 ? min(value, 99) : 100
  }

  /// Draws the bar on the first row of `rect`.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let line = rect.row(0)
    let label =
      showsPercentage ? "  " + TextWidth.pad("\(percentage) %", toWidth: 5, alignment: .right) : ""
    let labelWidth = TextWidth.width(of: label) <= line.width - 1 ? TextWidth.width(of: label) : 0
    let barWidth = line.width - labelWidth
    var done = Int((clampedFraction * Double(barWidth)).rounded())
    if clampedFraction < 1 { done = min(done, barWidth - 1) }
    if clampedFraction > 0 { done = max(done, 1) }
    done = min(max(0, done), barWidth)
    canvas.put(
      String(repeating: "█", count: done), at: line.origin, role: .progressDone, clippedTo: line)
    canvas.put(
      String(repeating: "░", count: barWidth - done), at: line.origin.offset(dx: done),
      role: .progressTodo,
      clippedTo: line)
    if labelWidth > 0 {
      canvas.put(label, at: line.origin.offset(dx: barWidth), role: .normal, clippedTo: line)
    }
  }
}
