import BookingEngine

/// What the user has bought: one line per seat, the newest payment first.
struct TicketsScreen: Screen {
  /// The payment just made, whose tickets are marked.
  let justPaid: PaymentID?
  private var tickets: [Ticket]?
  private var list = ListState(selected: 0)
  private var error: String?

  init(justPaid: PaymentID? = nil) {
    self.justPaid = justPaid
  }

  var title: String { "Tickets" }

  var hints: [KeyHint] {
    [
      KeyHint("↑↓ jk", "scroll"), KeyHint("Esc", "concerts"), KeyHint("?", "help"),
      KeyHint("q", "quit"),
    ]
  }

  private func items(_ context: AppContext) -> [ListItem] {
    (tickets ?? []).map { ticket in
      let mark = ticket.paymentID == justPaid ? "new  " : ""
      return ListItem(
        context.dates.dayAndTime(ticket.startsAt) + " · seat " + ticket.seat.label + " "
          + ticket.seat.tier + " · " + ticket.concert.title,
        detail: mark + Format.won(ticket.seat.price))
    }
  }

  mutating func appear(_ context: AppContext) -> [Effect] { [.run(.tickets)] }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(.escape), .key(.backspace): return [.pop]
    case .key(.up), .key(.character("k")): list.moveSelection(by: -1, in: items(context))
    case .key(.down), .key(.character("j")): list.moveSelection(by: 1, in: items(context))
    case .key(.home), .key(.character("g")): list.selectEdge(toEnd: false, in: items(context))
    case .key(.end), .key(.character("G")): list.selectEdge(toEnd: true, in: items(context))
    case .result(.tickets(.success(let loaded))):
      tickets = loaded.sorted {
        $0.paidAt != $1.paidAt ? $0.paidAt > $1.paidAt : $0.seat.id.rawValue < $1.seat.id.rawValue
      }
    case .result(.tickets(.failure(let failure))): error = failure.description
    default: break
    }
    return []
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    canvas.put("Your tickets", at: content.origin, role: .title, clippedTo: content)
    if let tickets, !tickets.isEmpty {
      let total = tickets.reduce(Int64(0)) { $0 + $1.seat.price }
      let summary = "\(tickets.count) seat\(tickets.count == 1 ? "" : "s") · " + Format.won(total)
      canvas.put(
        summary, at: Point(content.maxX - TextWidth.width(of: summary), content.minY), role: .dim,
        clippedTo: content)
    }
    let listArea = content.rows(from: 2)
    if let error {
      Toast(error, kind: .error).render(in: listArea, on: &canvas)
    } else if tickets == nil {
      canvas.put("Loading tickets…", at: listArea.origin, role: .dim, clippedTo: listArea)
    } else if tickets?.isEmpty == true {
      canvas.put(
        "No tickets yet. Choose a concert to join its line.", at: listArea.origin, role: .dim,
        clippedTo: listArea)
    } else {
      ListView(items: items(context), state: list).render(in: listArea, on: &canvas)
    }
  }
}
