import BookingEngine

/// The first screen: concerts on sale, the user's points and tickets; Enter joins the queue.
struct ConcertListScreen: Screen {
  private var concerts: [Concert]?
  private var list = ListState()
  private var balance: Int64?
  private var ticketCount: Int?
  private var error: String?

  var title: String { "Concerts" }

  var hints: [KeyHint] {
    [
      KeyHint("↑↓ jk", "choose"), KeyHint("Enter", "join the queue"), KeyHint("t", "tickets"),
      KeyHint("p", "points"), KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  private var items: [ListItem] {
    (concerts ?? []).map { concert in
      ListItem(
        concert.title + " · " + concert.venue,
        detail: Format.grouped(concert.seatCount) + " seats")
    }
  }

  mutating func appear(_ context: AppContext) -> [Effect] {
    [.run(.concerts), .run(.account), .run(.tickets)]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(let key): return handle(key)
    case .result(.concerts(.success(let loaded))):
      concerts = loaded
      if list.selected == nil { list = ListState(selectingFirstEnabledIn: items) }
    case .result(.concerts(.failure(let failure))): error = failure.description
    case .result(.account(.success(let account))): balance = account.balance
    case .result(.tickets(.success(let tickets))): ticketCount = tickets.count
    default: break
    }
    return []
  }

  private mutating func handle(_ key: Key) -> [Effect] {
    switch key {
    case .up, .character("k"): list.moveSelection(by: -1, in: items)
    case .down, .character("j"): list.moveSelection(by: 1, in: items)
    case .home: list.selectEdge(toEnd: false, in: items)
    case .end: list.selectEdge(toEnd: true, in: items)
    case .enter:
      guard let index = list.selected, let concert = concerts?[index] else { return [] }
      return [.push(WaitingRoomScreen(concert: concert))]
    case .character("t"): return [.push(TicketsScreen())]
    case .character("p"): return [.push(PointsScreen())]
    default: break
    }
    return []
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    canvas.put("Concerts on sale", at: content.origin, role: .title, clippedTo: content)
    let summary = [
      balance.map { "Points " + Format.won($0) },
      ticketCount.map { "Tickets \($0)" },
    ].compactMap { $0 }.joined(separator: "   ")
    canvas.put(
      summary, at: Point(content.maxX - TextWidth.width(of: summary), content.minY), role: .dim,
      clippedTo: content)
    let listArea = content.rows(from: 2, count: max(0, content.height - 6))
    if let error {
      Toast(error, kind: .error).render(in: listArea, on: &canvas)
    } else if concerts == nil {
      canvas.put("Loading concerts…", at: listArea.origin, role: .dim, clippedTo: listArea)
    } else if items.isEmpty {
      canvas.put("No concerts on sale.", at: listArea.origin, role: .dim, clippedTo: listArea)
    } else {
      ListView(items: items, state: list).render(in: listArea, on: &canvas)
    }
    let note = content.rows(from: content.height - 3)
    for (row, line) in Self.explanation.enumerated() {
      canvas.put(line, at: note.row(row).origin, role: .dim, clippedTo: note)
    }
  }

  private static let explanation = [
    "Choosing a concert puts you in its waiting line. When it is your turn,",
    "pick a date and seats: they are held for a few minutes while you pay.",
  ]
}
