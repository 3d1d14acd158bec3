/// A light Unicode frame with an optional title centred in the top border.
///
/// For example:
/// ```swift
/// Box(title: "STAGE", role: .stage).render(in: Rect(x: 18, y: 2, width: 49, height: 2), on: &canvas)
/// // ┌──────────────────── STAGE ────────────────────┐
/// // └───────────────────────────────────────────────┘
/// ```
public struct Box: Widget, Sendable {
  /// Text in the top border, or `nil` for none.
  public var title: String?
  /// Role of the frame lines.
  public var role: Role
  /// Role of the title text.
  public var titleRole: Role
  /// Whether to blank the inside before drawing the frame.
  public var clearsInside: Bool

  /// Creates a box.
  public init(
    title: String? = nil, role: Role = .border, titleRole: Role = .title, clearsInside: Bool = false
  ) {
    self.title = title
    self.role = role
    self.titleRole = titleRole
    self.clearsInside = clearsInside
  }

  /// The area inside the frame.
  public func inner(_ rect: Rect) -> Rect {
    rect.inset(1)
  }

  /// Draws the frame along the edges of `rect` (needs at least 2×2).
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    if clearsInside { canvas.fill(inner(rect), role: .normal) }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    canvas.put("┌" + horizontal + "┐", at: rect.origin, role: role, clippedTo: rect)
    canvas.put(
      "└" + horizontal + "┘", at: Point(rect.minX, rect.maxY - 1), role: role, clippedTo: rect)
    for y in (rect.minY + 1)..<(rect.maxY - 1) {
      canvas.put("│", at: Point(rect.minX, y), role: role, clippedTo: rect)
      canvas.put("│", at: Point(rect.maxX - 1, y), role: role, clippedTo: rect)
    }
    guard let title, !title.isEmpty, rect.width >= 6 else { return }
    let label = " " + TextWidth.truncate(title, toWidth: rect.width - 6) + " "
    let labelWidth = TextWidth.width(of: label)
    let x = rect.minX + (rect.width - labelWidth) / 2
    canvas.put(label, at: Point(x, rect.minY), role: titleRole, clippedTo: rect)
  }
}
