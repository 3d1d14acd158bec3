import BookingEngine
import Foundation

/// The first screen: concerts on sale with where the user stands in each ("in line #20",
/// "holding 2 seats · 3:12"), the user's holds, points and tickets. Enter joins the queue, or
/// goes to payment for a concert the user holds seats of.
struct ConcertListScreen: Screen {
  private var concerts: [Concert]?
  private var list = ListState()
  private var balance: Int64?
  private var ticketCount: Int?
  private var places: [ConcertID: QueueStatus] = [:]
  private var placesRequestedAt: Date?
  private var isFetchingPlaces = false
  private var error: String?
  /// The concerts the user holds seats of, as of the last event (for the Enter hint).
  private var heldConcerts: Set<ConcertID> = []

  /// How often the places in line are checked while the list is on top.
  static let pollInterval: TimeInterval = 1

  var title: String { "Concerts" }

  var hints: [KeyHint] {
    [
      KeyHint("↑↓ jk", "choose"), KeyHint("Enter", enterHint),
      KeyHint("t", "tickets"),
      KeyHint("p", "points"), KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  /// What Enter does on the selected concert: pay for its seats, go back to the place in its
  /// line, or join it.
  private var enterHint: String {
    guard let index = list.selected, let concerts, concerts.indices.contains(index) else {
      return "join the queue"
    }
    if heldConcerts.contains(concerts[index].id) { return "pay" }
    if places[concerts[index].id]?.isInLine == true { return "your place" }
    return "join the queue"
  }

  var helpEntries: [KeyHint] {
    [
      KeyHint("↑↓ jk", "choose a concert"), KeyHint("Home End g G", "first or last concert"),
      KeyHint("Enter", "join its line (or pay for the seats you hold there)"),
      KeyHint("t", "your tickets"), KeyHint("p", "your points"),
    ]
  }

  private func items(_ context: AppContext) -> [ListItem] {
    (concerts ?? []).map { concert in
      ListItem(
        concert.title + " · " + concert.venue,
        detail: standing(of: concert, context) ?? Format.grouped(concert.seatCount) + " seats")
    }
  }

  /// "holding 2 seats · 3:12", "in line #20", "your turn", or nil when the user has no stake.
  private func standing(of concert: Concert, _ context: AppContext) -> String? {
    let holds = context.holds.filter { $0.concert.id == concert.id }
    if let first = holds.first {
      let seats = holds.reduce(0) { $0 + $1.hold.seats.count }
      return "holding \(seats) seat\(seats == 1 ? "" : "s") · "
        + Format.countdown(seconds: context.secondsLeft(first.hold))
    }
    guard let place = places[concert.id] else { return nil }
    let paused = place.isPaused ? " · paused" : ""
    switch place.state {
    case .waiting(let position, _): return "in line #" + Format.grouped(position) + paused
    case .beforeOpening: return "in line, sale not open"
    case .active: return "your turn"
    case .used, .expired, .left: return nil
    }
  }

  mutating func appear(_ context: AppContext) -> [Effect] {
    [.run(.concerts), .run(.account), .run(.tickets)] + pollPlaces(context)
  }

  private mutating func pollPlaces(_ context: AppContext) -> [Effect] {
    guard let concerts, !isFetchingPlaces else { return [] }
    isFetchingPlaces = true
    placesRequestedAt = context.now
    return [.run(.places(concerts.map(\.id)))]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    heldConcerts = Set(context.holds.map(\.concert.id))
    switch event {
    case .key(let key): return handle(key, context)
    case .tick:
      if let placesRequestedAt, context.now.timeIntervalSince(placesRequestedAt) < Self.pollInterval
      {
        return []
      }
      return pollPlaces(context)
    case .result(.concerts(.success(let loaded))):
      let first = concerts == nil
      concerts = loaded
      if list.selected == nil { list = ListState(selectingFirstEnabledIn: items(context)) }
      if first { return pollPlaces(context) }
    case .result(.concerts(.failure(let failure))): error = failure.description
    case .result(.places(let result)):
      isFetchingPlaces = false
      if case .success(let latest) = result { places = latest }
    case .result(.account(.success(let account))): balance = account.balance
    case .result(.tickets(.success(let tickets))): ticketCount = tickets.count
    default: break
    }
    return []
  }

  private mutating func handle(_ key: Key, _ context: AppContext) -> [Effect] {
    let items = items(context)
    switch key {
    case .up, .character("k"): list.moveSelection(by: -1, in: items)
    case .down, .character("j"): list.moveSelection(by: 1, in: items)
    case .home, .character("g"): list.selectEdge(toEnd: false, in: items)
    case .end, .character("G"): list.selectEdge(toEnd: true, in: items)
    case .enter:
      guard let index = list.selected, let concert = concerts?[index] else { return [] }
      if let held = context.holds.first(where: { $0.concert.id == concert.id }) {
        return [.push(PaymentScreen(held))]
      }
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
    let items = items(context)
    let listHeight = max(0, min(max(items.count, 1), content.height - 6))
    let listArea = content.rows(from: 2, count: listHeight)
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
    let holdsTop = 3 + listHeight
    let holdsArea = content.rows(
      from: holdsTop, count: max(0, note.minY - content.minY - holdsTop - 1))
    renderHolds(context, in: holdsArea, on: &canvas)
    for (row, line) in Self.explanation.enumerated() {
      canvas.put(line, at: note.row(row).origin, role: .dim, clippedTo: note)
    }
  }

  /// "Your holds", one line each: date, concert and seats, with the time left at the right.
  private func renderHolds(_ context: AppContext, in area: Rect, on canvas: inout Canvas) {
    guard !context.holds.isEmpty, area.height >= 2 else { return }
    canvas.put(
      "Your holds (Enter on the concert to pay or release)", at: area.origin, role: .title,
      clippedTo: area)
    for (row, live) in context.holds.prefix(area.height - 1).enumerated() {
      let line = area.row(row + 1).inset(top: 0, left: 2, bottom: 0, right: 0)
      let left = Format.countdown(seconds: context.secondsLeft(live.hold)) + " left"
      let text =
        context.dates.dayAndTime(live.date.startsAt) + " · " + live.concert.title + " · "
        + Format.seats(live.hold.seats.map(\.label))
      canvas.put(
        TextWidth.truncate(text, toWidth: max(0, line.width - TextWidth.width(of: left) - 2)),
        at: line.origin, clippedTo: line)
      canvas.put(
        left, at: Point(line.maxX - TextWidth.width(of: left), line.minY), role: .warning,
        clippedTo: line)
    }
  }

  private static let explanation = [
    "Choosing a concert puts you in its waiting line. When it is your turn,",
    "pick a date and seats: they are held for a few minutes while you pay.",
  ]
}
