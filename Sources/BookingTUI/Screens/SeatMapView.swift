import BookingEngine

/// Draws a seat grid to scale under the stage: row and seat labels, one cell per seat, the
/// cursor, a legend and the price tiers. Picks the widest cells that fit, and scrolls (keeping
/// the cursor in the middle) when the hall is bigger than the area.
struct SeatMapView {
  let grid: SeatGrid
  let tiers: [PriceTier]
  let cursor: Int?
  let picked: Set<SeatID>

  /// Cell shapes from widest to narrowest: `[██] `, `[█] `, `█ `.
  struct CellShape: Sendable {
    var width: Int
    var fills: Int
    var bracketed: Bool
  }

  static let shapes = [
    CellShape(width: 5, fills: 2, bracketed: true), CellShape(width: 4, fills: 1, bracketed: true),
    CellShape(width: 2, fills: 1, bracketed: false),
  ]

  /// Rows below the grid: a blank, the legend, the tiers, the cursor line and what is shown.
  static let footerRows = 5

  /// Where things go for one frame.
  struct Layout {
    var shape: CellShape
    var gridX: Int
    var gridTop: Int
    var firstRow: Int
    var visibleRows: Int
    var firstColumn: Int
    var visibleColumns: Int
    var labelWidth: Int
    var showsPrices: Bool
    var rowNameWidth: Int
  }

  func layout(in area: Rect) -> Layout {
    let rowNameWidth = grid.rowNames.compactMap { $0.map(TextWidth.width(of:)) }.max() ?? 1
    let tierWidth = tiers.map { TextWidth.width(of: $0.name) }.max() ?? 0
    let labelWidth = 2 + rowNameWidth + 1 + tierWidth + 2
    let priceWidth = 2 + (tiers.map { Format.grouped($0.price).count }.max() ?? 0)
    let room = area.width - 2
    var shape = Self.shapes[Self.shapes.count - 1]
    var showsPrices = false
    for candidate in Self.shapes {
      let width = labelWidth + grid.columnCount * candidate.width
      if width + priceWidth <= room {
        (shape, showsPrices) = (candidate, true)
        break
      }
      if width <= room {
        shape = candidate
        break
      }
    }
    let visibleColumns = min(grid.columnCount, max(1, (room - labelWidth) / shape.width))
    let used = labelWidth + visibleColumns * shape.width - 1 + (showsPrices ? priceWidth : 0)
    let spare = area.height - 3 - Self.footerRows
    let gridTop = area.minY + (spare > grid.rowCount ? 4 : 3)
    let visibleRows = max(1, min(grid.rowCount, area.maxY - gridTop - Self.footerRows))
    let cursorSeat = cursor.map { grid.seats[$0] }
    return Layout(
      shape: shape, gridX: area.minX + max(0, (area.width - used) / 2) + labelWidth,
      gridTop: gridTop,
      firstRow: Self.offset(
        centring: cursorSeat?.gridRow ?? 0, visible: visibleRows, total: grid.rowCount),
      visibleRows: visibleRows,
      firstColumn: Self.offset(
        centring: cursorSeat?.gridColumn ?? 0, visible: visibleColumns, total: grid.columnCount),
      visibleColumns: visibleColumns, labelWidth: labelWidth, showsPrices: showsPrices,
      rowNameWidth: rowNameWidth)
  }

  private static func offset(centring target: Int, visible: Int, total: Int) -> Int {
    min(max(0, target - visible / 2), max(0, total - visible))
  }

  func render(into canvas: inout Canvas, area: Rect) {
    let layout = layout(in: area)
    let gridWidth = layout.visibleColumns * layout.shape.width - 1
    Box(title: "STAGE", role: .stage, titleRole: .stage)
      .render(in: Rect(x: layout.gridX, y: area.minY, width: gridWidth, height: 2), on: &canvas)
    renderColumnNumbers(layout, y: layout.gridTop - 1, area: area, on: &canvas)
    for line in 0..<layout.visibleRows {
      renderRow(layout.firstRow + line, y: layout.gridTop + line, layout, area: area, on: &canvas)
    }
    let markerX = layout.gridX - layout.labelWidth
    if layout.firstRow > 0 {
      canvas.put("▲", at: Point(markerX, layout.gridTop), role: .accent, clippedTo: area)
    }
    if layout.firstRow + layout.visibleRows < grid.rowCount {
      canvas.put(
        "▼", at: Point(markerX, layout.gridTop + layout.visibleRows - 1), role: .accent,
        clippedTo: area)
    }
  }

  private func renderColumnNumbers(
    _ layout: Layout, y: Int, area: Rect, on canvas: inout Canvas
  ) {
    var nextFree = Int.min
    for offset in 0..<layout.visibleColumns {
      guard let number = grid.columnNumbers[layout.firstColumn + offset] else { continue }
      let text = String(number)
      let cellX = layout.gridX + offset * layout.shape.width
      let inner = layout.shape.width - 1
      let x = cellX + max(0, (inner - text.count + 1) / 2)
      let sparse = !layout.shape.bracketed && number != 1 && number % 5 != 0
      guard x >= nextFree, !sparse else { continue }
      canvas.put(text, at: Point(x, y), role: .dim, clippedTo: area)
      nextFree = x + text.count + 1
    }
    if layout.firstColumn > 0 {
      canvas.put("◀", at: Point(layout.gridX - 2, y), role: .accent, clippedTo: area)
    }
    if layout.firstColumn + layout.visibleColumns < grid.columnCount {
      let x = layout.gridX + layout.visibleColumns * layout.shape.width
      canvas.put("▶", at: Point(x, y), role: .accent, clippedTo: area)
    }
  }

  private func renderRow(_ row: Int, y: Int, _ layout: Layout, area: Rect, on canvas: inout Canvas)
  {
    let labelX = layout.gridX - layout.labelWidth + 2
    if let name = grid.rowNames[row] {
      canvas.put(name, at: Point(labelX, y), role: .normal, clippedTo: area)
    }
    if let tier = grid.rowTiers[row] {
      let tierX = labelX + layout.rowNameWidth + 1
      canvas.put(
        tier.name, at: Point(tierX, y), role: SeatGlyph.tierRole(tier.rank), clippedTo: area)
      if layout.showsPrices {
        let price = Format.grouped(tier.price)
        let end = layout.gridX + layout.visibleColumns * layout.shape.width + 1
        let priceWidth = 2 + (tiers.map { Format.grouped($0.price).count }.max() ?? 0)
        canvas.put(
          price, at: Point(end + priceWidth - 2 - price.count, y), role: .dim, clippedTo: area)
      }
    }
    for offset in 0..<layout.visibleColumns {
      guard let index = grid.seatIndex(row: row, column: layout.firstColumn + offset) else {
        continue
      }
      let seat = grid.seats[index]
      let x = layout.gridX + offset * layout.shape.width
      drawSeat(seat, isCursor: index == cursor, at: Point(x, y), layout.shape, on: &canvas)
    }
  }

  private func drawSeat(
    _ seat: Seat, isCursor: Bool, at point: Point, _ shape: CellShape, on canvas: inout Canvas
  ) {
    let look = SeatGlyph.look(of: seat, isPicked: picked.contains(seat.id))
    let fill = String(
      repeating: String(SeatGlyph.fill(look, bracketed: shape.bracketed)), count: shape.fills)
    let role = isCursor ? Role.seatCursor : SeatGlyph.role(look)
    if shape.bracketed {
      canvas.put((isCursor ? "<" : "[") + fill + (isCursor ? ">" : "]"), at: point, role: role)
    } else {
      canvas.put(fill, at: point, role: role)
      if isCursor {
        canvas.put("<", at: point.offset(dx: -1), role: role)
        canvas.put(">", at: point.offset(dx: 1), role: role)
      }
    }
  }

  /// The index of the seat drawn at `point` when the map fills `area`, or nil.
  func seatIndex(at point: Point, in area: Rect) -> Int? {
    let layout = layout(in: area)
    let line = point.y - layout.gridTop
    let dx = point.x - layout.gridX
    guard (0..<layout.visibleRows).contains(line), dx >= 0,
      dx % layout.shape.width < layout.shape.width - 1 || !layout.shape.bracketed
    else { return nil }
    let offset = dx / layout.shape.width
    guard offset < layout.visibleColumns else { return nil }
    return grid.seatIndex(row: layout.firstRow + line, column: layout.firstColumn + offset)
  }

  /// A legend sample in the given cell shape: `[░░]` or `░`.
  static func sample(_ look: SeatGlyph.Look, _ shape: CellShape) -> String {
    let fill = String(
      repeating: String(SeatGlyph.fill(look, bracketed: shape.bracketed)), count: shape.fills)
    return shape.bracketed ? "[" + fill + "]" : fill
  }
}
