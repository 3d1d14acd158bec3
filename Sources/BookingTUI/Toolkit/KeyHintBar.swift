/// The bottom two rows of a screen: a rule, then key hints (keys in `.keyHintKey`, labels in
/// `.keyHint`) and an optional status text at the right. Hints that do not fit are dropped
/// whole, and "…" shows that some are missing.
///
/// For example:
/// ```swift
/// KeyHintBar(hints: [KeyHint("q", "quit"), KeyHint("?", "help")], status: "updated 0.4 s ago")
///   .render(in: canvas.bounds.split(bottomRows: 2).bottom, on: &canvas)
/// //  q quit   ? help                          updated 0.4 s ago
/// ```
public struct KeyHintBar: Widget, Sendable {
  /// The hints, most important first.
  public var hints: [KeyHint]
  /// Text at the right edge, or empty.
  public var status: String
  /// Role of the status text.
  public var statusRole: Role

  /// Creates a footer.
  public init(hints: [KeyHint], status: String = "", statusRole: Role = .dim) {
    self.hints = hints
    self.status = status
    self.statusRole = statusRole
  }

  /// The number of rows a footer uses.
  public static let height = 2

  /// Draws the rule on the first row of `rect` and the hints on the second (or only) row.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    if rect.height > 1 {
      let rule = rect.row(0)
      canvas.put(
        String(repeating: "─", count: rule.width), at: rule.origin, role: .border, clippedTo: rule)
    }
    let line = rect.row(rect.height - 1).inset(top: 0, left: 1, bottom: 0, right: 1)
    guard !line.isEmpty else { return }
    let statusText = TextWidth.truncate(status, toWidth: line.width)
    let statusWidth = TextWidth.width(of: statusText)
    if statusWidth > 0 {
      canvas.put(
        statusText, at: Point(line.maxX - statusWidth, line.minY), role: statusRole, clippedTo: line
      )
    }
    let room = statusWidth > 0 ? line.width - statusWidth - 2 : line.width
    let shown = Self.fittingCount(hints, room: room)
    var x = line.minX
    for (i, hint) in hints.prefix(shown).enumerated() {
      if i > 0 {
        x = canvas.put(Self.separator, at: Point(x, line.minY), role: .keyHint, clippedTo: line)
      }
      x = canvas.put(hint.key, at: Point(x, line.minY), role: .keyHintKey, clippedTo: line)
      x = canvas.put(" " + hint.label, at: Point(x, line.minY), role: .keyHint, clippedTo: line)
    }
    if shown < hints.count && x - line.minX + TextWidth.width(of: Self.ellipsis) <= room {
      canvas.put(Self.ellipsis, at: Point(x, line.minY), role: .keyHint, clippedTo: line)
    }
  }

  private static let separator = "   "
  private static let ellipsis = " …"

  /// How many leading hints to show in `room` columns: all if they fit, otherwise as many as
  /// fit together with the ellipsis.
  private static func fittingCount(_ hints: [KeyHint], room: Int) -> Int {
    var used = 0
    var widths: [Int] = []
    for (i, hint) in hints.enumerated() {
      used +=
        (i == 0 ? 0 : TextWidth.width(of: separator))
        + TextWidth.width(of: hint.key + " " + hint.label)
      widths.append(used)
    }
    if used <= room { return hints.count }
    let limit = room - TextWidth.width(of: ellipsis)
    return widths.prefix { $0 <= limit }.count
  }
}
