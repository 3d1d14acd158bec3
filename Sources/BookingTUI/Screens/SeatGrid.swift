import BookingEngine

/// A seat map laid out as a grid of rows and columns (stage at row 0), built once per map so
/// that drawing 2,000 seats and moving the cursor stay cheap.
struct SeatGrid: Sendable {
  let seats: [Seat]
  let rowCount: Int
  let columnCount: Int
  /// Seat index at `row * columnCount + column`, or -1 for an aisle or a gap.
  private let cells: [Int]
  /// The hall's row name for each grid row ("A", "AN", "3"), nil for a gap.
  let rowNames: [String?]
  /// The price tier of each grid row when all its seats share one, else nil.
  let rowTiers: [PriceTier?]
  /// The seat number shown above each grid column, nil for an aisle.
  let columnNumbers: [Int?]
  private let indexByID: [SeatID: Int]

  init(_ seats: [Seat]) {
    self.seats = seats
    let rowCount = (seats.map(\.gridRow).max() ?? -1) + 1
    let columnCount = (seats.map(\.gridColumn).max() ?? -1) + 1
    var cells = Array(repeating: -1, count: rowCount * columnCount)
    var rowNames = [String?](repeating: nil, count: rowCount)
    var tiers = [[PriceTier]](repeating: [], count: rowCount)
    var columnNumbers = [Int?](repeating: nil, count: columnCount)
    var indexByID: [SeatID: Int] = [:]
    for (index, seat) in seats.enumerated() {
      cells[seat.gridRow * columnCount + seat.gridColumn] = index
      rowNames[seat.gridRow] = rowNames[seat.gridRow] ?? seat.row
      if !tiers[seat.gridRow].contains(seat.tier) { tiers[seat.gridRow].append(seat.tier) }
      columnNumbers[seat.gridColumn] = columnNumbers[seat.gridColumn] ?? seat.number
      indexByID[seat.id] = index
    }
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.cells = cells
    self.rowNames = rowNames
    self.rowTiers = tiers.map { $0.count == 1 ? $0[0] : nil }
    self.columnNumbers = columnNumbers
    self.indexByID = indexByID
  }

  /// The seat index at a grid position, or nil for an aisle, a gap or outside the grid.
  func seatIndex(row: Int, column: Int) -> Int? {
    guard (0..<rowCount).contains(row), (0..<columnCount).contains(column) else { return nil }
    let index = cells[row * columnCount + column]
    return index >= 0 ? index : nil
  }

  /// The index of the seat with `id`.
  func index(of id: SeatID) -> Int? { indexByID[id] }

  /// The seat reached from `index` by `columns` seats sideways (aisles skipped) or `rows`
  /// rows up or down (gaps skipped; the nearest seat in the new row). Stops at the edges.
  func move(from index: Int, columns: Int = 0, rows: Int = 0) -> Int {
    var current = index
    for _ in 0..<abs(columns) { current = step(from: current, dx: columns < 0 ? -1 : 1) }
    for _ in 0..<abs(rows) { current = step(from: current, dy: rows < 0 ? -1 : 1) }
    return current
  }

  /// The first seat anyone can take, else the first seat.
  var firstAvailable: Int? {
    seats.indices.min { a, b in
      let (sa, sb) = (seats[a], seats[b])
      if sa.isAvailable != sb.isAvailable { return sa.isAvailable }
      return (sa.gridRow, sa.gridColumn) < (sb.gridRow, sb.gridColumn)
    }
  }

  private func step(from index: Int, dx: Int = 0, dy: Int = 0) -> Int {
    let seat = seats[index]
    if dx != 0 {
      var column = seat.gridColumn + dx
      while (0..<columnCount).contains(column) {
        if let found = seatIndex(row: seat.gridRow, column: column) { return found }
        column += dx
      }
      return index
    }
    var row = seat.gridRow + dy
    while (0..<rowCount).contains(row) {
      if let found = nearest(inRow: row, to: seat.gridColumn) { return found }
      row += dy
    }
    return index
  }

  private func nearest(inRow row: Int, to column: Int) -> Int? {
    for distance in 0..<columnCount {
      if let found = seatIndex(row: row, column: column - distance) { return found }
      if let found = seatIndex(row: row, column: column + distance) { return found }
    }
    return nil
  }
}
