import BookingEngine

/// A seat map drawn in text: one line per row of the hall, stage on top, a tier table below.
///
/// For example (a small hall):
///
/// ```
///  1  VVxVVVVVVV   1–10
/// ```
struct SeatMapText {
  let map: SeatMap

  init(_ map: SeatMap) { self.map = map }

  func render() -> String {
    let seats = map.seats
    let width = (seats.map(\.gridColumn).max() ?? 0) + 1
    let rows = Dictionary(grouping: seats, by: \.gridRow)
    let lastRow = seats.map(\.gridRow).max() ?? 0
    let rowNameWidth = seats.map { $0.row.count }.max() ?? 1
    var lines = [
      "\(map.concert.title) · \(map.concert.venue) · \(Times.text(map.date.startsAt)) (date \(map.date.id))",
      "",
      String(repeating: " ", count: rowNameWidth + 2) + centred("STAGE", width: width),
    ]
    for gridRow in 0...lastRow {
      guard let rowSeats = rows[gridRow]?.sorted(by: { $0.gridColumn < $1.gridColumn }),
        let first = rowSeats.first, let last = rowSeats.last
      else {
        lines.append("")
        continue
      }
      var cells = Array(repeating: Character(" "), count: width)
      for seat in rowSeats { cells[seat.gridColumn] = symbol(seat) }
      let name = String(repeating: " ", count: rowNameWidth - first.row.count) + first.row
      lines.append("\(name)  \(String(cells))  \(first.label)–\(last.label)")
    }
    lines.append("")
    lines.append("Free seats show their tier's letter · taken  * held by you  # yours")
    var table = Table(["TIER", "PRICE", "FREE"], rightAligned: [1, 2])
    for tier in map.tiers {
      let free = seats.count { $0.tier.name == tier.name && $0.isAvailable }
      table.add(["\(letter(tier.name)) \(tier.name)", Won.text(tier.price), Won.grouped(free)])
    }
    lines.append(table.render())
    lines.append(
      "\(Won.grouped(map.date.seatsLeft)) of \(Won.grouped(map.date.seatCount)) seats left")
    return lines.joined(separator: "\n")
  }

  private func symbol(_ seat: Seat) -> Character {
    switch seat.state {
    case .available: letter(seat.tier.name)
    case .held, .sold: "·"
    case .heldByYou: "*"
    case .yours: "#"
    }
  }

  private func letter(_ tier: String) -> Character { tier.uppercased().first ?? "?" }

  private func centred(_ text: String, width: Int) -> String {
    String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
  }
}
