import BookingEngine

/// The lines under the seat grid: the legend, the price tiers with what part of the hall is
/// shown, and the seat under the cursor with the seats picked or held.
struct SeatMapFooter {
  let map: SeatMap
  let grid: SeatGrid
  let cursor: Int?
  let picked: [SeatID]
  let hold: Hold?
  let layout: SeatMapView.Layout

  func render(into canvas: inout Canvas, from top: Int, area: Rect) {
    let content = area.inset(horizontal: 2, vertical: 0)
    var x = content.minX
    for (look, label) in SeatGlyph.legend {
      x = canvas.put(
        SeatMapView.sample(look, layout.shape), at: Point(x, top), role: SeatGlyph.role(look),
        clippedTo: content)
      x = canvas.put(" " + label + "  ", at: Point(x, top), clippedTo: content)
    }
    x = content.minX
    for tier in map.tiers {
      x = canvas.put(
        tier.name, at: Point(x, top + 1), role: SeatGlyph.tierRole(tier.rank), clippedTo: content)
      x = canvas.put(
        " " + Format.won(tier.price) + "   ", at: Point(x, top + 1), clippedTo: content)
    }
    let shown = shownPart
    canvas.put(shown, at: Point(content.minX, top + 3), role: .dim, clippedTo: content)
    if let cursor {
      let seat = grid.seats[cursor]
      let text =
        "Seat " + seat.label + " · " + seat.tier.name + " · " + Format.won(seat.tier.price) + " · "
        + SeatGlyph.stateText(seat.state)
      canvas.put(text, at: Point(content.minX, top + 2), role: .bold, clippedTo: content)
    }
    let basket = basketText
    canvas.put(
      basket, at: Point(content.maxX - TextWidth.width(of: basket), top + 2), role: .accent,
      clippedTo: content)
  }

  /// "rows A–Z of 40 · seats 1–36 of 50" when the hall does not fit, else "".
  private var shownPart: String {
    var parts: [String] = []
    let rows = grid.rowNames.compactMap { $0 }
    if layout.visibleRows < grid.rowCount {
      let visible = grid.rowNames[layout.firstRow..<(layout.firstRow + layout.visibleRows)]
        .compactMap { $0 }
      if let first = visible.first, let last = visible.last {
        parts.append("rows \(first)–\(last) of \(rows.count)")
      }
    }
    if layout.visibleColumns < grid.columnCount {
      let numbers = grid.columnNumbers[
        layout.firstColumn..<(layout.firstColumn + layout.visibleColumns)
      ].compactMap { $0 }
      let total = grid.columnNumbers.compactMap { $0 }.count
      if let first = numbers.first, let last = numbers.last {
        parts.append("seats \(first)–\(last) of \(total)")
      }
    }
    return parts.isEmpty ? "" : "Showing " + parts.joined(separator: " · ") + "   (the map scrolls)"
  }

  private var basketText: String {
    if let hold {
      return "Held " + Format.seats(hold.seats.map(\.label)) + " · " + Format.won(hold.amount)
    }
    guard !picked.isEmpty else { return "" }
    let seats = picked.compactMap { grid.index(of: $0).map { grid.seats[$0] } }
    let total = seats.reduce(Int64(0)) { $0 + $1.tier.price }
    return "Picked " + Format.seats(seats.map(\.label)) + " · " + Format.won(total)
  }
}
