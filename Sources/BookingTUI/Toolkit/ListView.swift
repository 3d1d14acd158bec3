/// A vertical list: one item per row, the selection marked with `▸` in the selection role,
/// disabled items dimmed and marked, details right-aligned. Scrolls to keep the selection
/// visible.
///
/// For example:
/// ```swift
/// let items = [ListItem("Sat 12 Dec 19:00", detail: "23 left"),
///              ListItem("Sun 13 Dec 17:00", detail: "sold out", isDisabled: true)]
/// ListView(items: items, state: state).render(in: area, on: &canvas)
/// // ▸ Sat 12 Dec 19:00        23 left
/// // ✕ Sun 13 Dec 17:00       sold out
/// ```
public struct ListView: Widget, Sendable {
  /// The rows.
  public var items: [ListItem]
  /// Selection and scroll position.
  public var state: ListState
  /// Marker before the selected row.
  public var selectionMarker: String
  /// Marker before disabled rows.
  public var disabledMarker: String

  /// Creates a list view.
  public init(
    items: [ListItem], state: ListState, selectionMarker: String = "▸", disabledMarker: String = "✕"
  ) {
    self.items = items
    self.state = state
    self.selectionMarker = selectionMarker
    self.disabledMarker = disabledMarker
  }

  /// Draws the visible rows of the list into `rect`.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let offset = state.visibleOffset(height: rect.height, count: items.count)
    for row in 0..<rect.height {
      let index = offset + row
      guard items.indices.contains(index) else { break }
      render(items[index], isSelected: index == state.selected, in: rect.row(row), on: &canvas)
    }
  }

  private func render(_ item: ListItem, isSelected: Bool, in line: Rect, on canvas: inout Canvas) {
    let role: Role = item.isDisabled ? .disabled : (isSelected ? .selection : .normal)
    let marker = isSelected ? selectionMarker : (item.isDisabled ? disabledMarker : " ")
    canvas.fill(line, role: role)
    canvas.put(marker, at: line.origin, role: role, clippedTo: line)
    let body = line.inset(top: 0, left: 2, bottom: 0, right: 1)
    var textWidth = body.width
    if let detail = item.detail, !detail.isEmpty {
      let detailWidth = min(TextWidth.width(of: detail), max(0, body.width - 4))
      let shown = TextWidth.truncate(detail, toWidth: detailWidth)
      canvas.put(
        shown, at: Point(body.maxX - TextWidth.width(of: shown), body.minY), role: role,
        clippedTo: body)
      textWidth = max(0, body.width - detailWidth - 2)
    }
    canvas.put(
      TextWidth.truncate(item.text, toWidth: textWidth), at: body.origin, role: role,
      clippedTo: body)
  }
}
