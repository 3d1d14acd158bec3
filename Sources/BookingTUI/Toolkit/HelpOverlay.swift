/// A centred box titled "Help" listing keys and what they do, closed by any key.
///
/// For example:
/// ```swift
/// HelpOverlay(entries: [KeyHint("q", "quit"), KeyHint("?", "this help")])
///   .render(in: canvas.bounds, on: &canvas)
/// ```
public struct HelpOverlay: Widget, Sendable {
  /// The keys and descriptions, in display order.
  public var entries: [KeyHint]
  /// The box title.
  public var title: String
  /// The line at the bottom of the box.
  public var footer: String

  /// Creates a help overlay.
  public init(entries: [KeyHint], title: String = "Help", footer: String = "Press any key to close")
  {
    self.entries = entries
    self.title = title
    self.footer = footer
  }

  /// Draws the box centred in `rect`, blanking what is beneath it.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    let keyWidth = entries.map { TextWidth.width(of: $0.key) }.max() ?? 0
    let labelWidth = entries.map { TextWidth.width(of: $0.label) }.max() ?? 0
    let contentWidth = max(
      keyWidth + 3 + labelWidth, TextWidth.width(of: footer), TextWidth.width(of: title) + 4)
    // Border + one space of padding on each side; a blank row above and below the entries.
    let box = rect.centred(width: contentWidth + 4, height: entries.count + 5)
    guard box.width >= 6, box.height >= 4 else { return }
    canvas.fill(box, role: .normal)
    Box(title: title).render(in: box, on: &canvas)
    let inner = box.inset(top: 2, left: 2, bottom: 1, right: 2)
    let keyColumn = min(keyWidth, inner.width / 2)
    for (row, entry) in entries.enumerated() where row < inner.height - 2 {
      let line = inner.row(row)
      canvas.put(
        TextWidth.truncate(entry.key, toWidth: keyColumn), at: line.origin, role: .keyHintKey,
        clippedTo: line)
      let label = TextWidth.truncate(entry.label, toWidth: max(0, line.width - keyColumn - 3))
      canvas.put(label, at: line.origin.offset(dx: keyColumn + 3), role: .normal, clippedTo: line)
    }
    let bottom = inner.row(inner.height - 1)
    let shown = TextWidth.truncate(footer, toWidth: bottom.width)
    let x = bottom.minX + (bottom.width - TextWidth.width(of: shown)) / 2
    canvas.put(shown, at: Point(x, bottom.minY), role: .dim, clippedTo: bottom)
  }
}
