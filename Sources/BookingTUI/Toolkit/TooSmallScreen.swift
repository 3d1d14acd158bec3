/// The whole-screen message shown while the terminal is smaller than Encore needs.
///
/// For example:
/// ```swift
/// if !terminal.size.covers(TooSmallScreen.minimumSize) {
///   TooSmallScreen(current: terminal.size).render(in: canvas.bounds, on: &canvas)
/// }
/// ```
public struct TooSmallScreen: Widget, Sendable {
  /// The smallest terminal the screens are designed for.
  public static let minimumSize = Size(80, 24)

  /// The terminal's current size.
  public var current: Size
  /// The size needed.
  public var minimum: Size

  /// Creates the message for a terminal of `current` size.
  public init(current: Size, minimum: Size = TooSmallScreen.minimumSize) {
    self.current = current
    self.minimum = minimum
  }

  /// The sentences shown, one paragraph each.
  public var paragraphs: [String] {
    [
      "Terminal too small: \(current).",
      "Encore needs at least \(minimum).",
      "Resize the window or press q to quit.",
    ]
  }

  /// Draws the message centred in `rect`, wrapping words when narrow.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    canvas.fill(rect, role: .normal)
    let lines = paragraphs.flatMap { TextWidth.wrap($0, toWidth: rect.width) }
    let top = rect.minY + max(0, (rect.height - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < rect.maxY {
      let x = rect.minX + (rect.width - TextWidth.width(of: line)) / 2
      canvas.put(line, at: Point(x, top + i), role: i == 0 ? .warning : .normal, clippedTo: rect)
    }
  }
}
