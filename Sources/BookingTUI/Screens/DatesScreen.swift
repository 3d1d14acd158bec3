import BookingEngine

/// The concert's dates with seats left; past and sold-out dates are listed but cannot be chosen.
struct DatesScreen: Screen {
  let concert: Concert
  private var dates: [ConcertDate]?
  private var list = ListState()
  private var error: BookingError?

  init(concert: Concert) {
    self.concert = concert
  }

  var title: String { concert.title + " · Dates" }

  var hints: [KeyHint] {
    [
      KeyHint("↑↓ jk", "choose"), KeyHint("Enter", error == nil ? "seats" : "join again"),
      KeyHint("Esc", "concerts"), KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  var helpEntries: [KeyHint] { hints + [KeyHint("Home End g G", "first or last date")] }

  private func items(_ context: AppContext) -> [ListItem] {
    (dates ?? []).map { date in
      let detail: String =
        switch date.availability {
        case .onSale:
          Format.grouped(date.seatsLeft) + " of " + Format.grouped(date.seatCount) + " seats left"
        case .soldOut: "sold out"
        case .past: "already took place"
        }
      return ListItem(
        context.dates.dayYearAndTime(date.startsAt), detail: detail,
        isDisabled: date.availability != .onSale)
    }
  }

  mutating func appear(_ context: AppContext) -> [Effect] {
    [.run(.dates(concert.id))]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(let key): return handle(key, context)
    case .result(.dates(.success(let loaded))):
      dates = loaded
      error = nil
      let items = items(context)
      if list.selected.map({ items.indices.contains($0) && !items[$0].isDisabled }) != true {
        list = ListState(selectingFirstEnabledIn: items)
      }
    case .result(.dates(.failure(let failure))): error = failure
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
    case .escape, .backspace: return [.pop]
    case .enter:
      if error != nil { return [.replace(WaitingRoomScreen(concert: concert))] }
      guard let index = list.selected, let date = dates?[index], date.availability == .onSale
      else { return [] }
      let when = context.dates.dayAndTime(date.startsAt)
      return [.push(SeatMapScreen(concert: concert, date: date, when: when))]
    default: break
    }
    return []
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    canvas.put(concert.title, at: content.origin, role: .title, clippedTo: content)
    canvas.put(concert.venue, at: content.origin.offset(dy: 1), role: .dim, clippedTo: content)
    let listArea = content.rows(from: 3, count: max(0, content.height - 6))
    if let error {
      Toast(error.description, kind: .error).render(in: listArea, on: &canvas)
      canvas.put(
        "Press Enter to join the line again.", at: listArea.origin.offset(dx: 3, dy: 2),
        clippedTo: listArea)
    } else if dates == nil {
      canvas.put("Loading dates…", at: listArea.origin, role: .dim, clippedTo: listArea)
    } else {
      ListView(items: items(context), state: list).render(in: listArea, on: &canvas)
    }
    let note = content.row(content.height - 2)
    canvas.put(
      "✕ marks dates that are sold out or already over.", at: note.origin, role: .dim,
      clippedTo: note)
  }
}
