/// The top two rows of a screen: left text (where am I), right text (who am I, what is
/// ticking), and a full-width rule beneath.
///
/// For example:
/// ```swift
/// TitleBar(left: " Encore · Aurora Live 2026", right: "alice  18:42:07 ")
///   .render(in: canvas.bounds.split(topRows: 2).top, on: &canvas)
/// ```
public struct TitleBar: Widget, Sendable {
  /// Text at the left edge.
  public var left: String
  /// Text at the right edge; kept whole when space is short, the left text is cut first.
  public var right: String

  /// Creates a title bar.
  public init(left: String, right: String = "") {
    self.left = left
    self.right = right
  }

  /// The number of rows a title bar uses.
  public static let height = 2

  /// Draws the title line and the rule under it.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let line = rect.row(0)
    canvas.fill(line, role: .titleBar)
    let rightText = TextWidth.truncate(right, toWidth: line.width)
    let rightWidth = TextWidth.width(of: rightText)
    let leftRoom = rightWidth == 0 ? line.width : line.width - rightWidth - 1
    canvas.put(
      TextWidth.truncate(left, toWidth: leftRoom), at: line.origin, role: .titleBar, clippedTo: line
    )
    canvas.put(
      rightText, at: Point(line.maxX - rightWidth, line.minY), role: .titleBar, clippedTo: line)
    if rect.height > 1 {
      let rule = rect.row(1)
      canvas.put(
        String(repeating: "─", count: rule.width), at: rule.origin, role: .border, clippedTo: rule)
    }
  }
}
