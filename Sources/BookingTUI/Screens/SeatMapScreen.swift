import BookingEngine
import Foundation

/// The seat map of one date: move with arrows/hjkl (or click), Space picks seats, Enter holds
/// them and goes to payment. Polled every second so other people's holds and sales show up,
/// and read again at once when the engine announces a change to it.
///
/// The hold it shows and pays is the user's hold on this date, as the engine reports it; a
/// live hold on another date is never swapped silently: Enter offers to pay or release it.
struct SeatMapScreen: Screen {
  let concert: Concert
  let date: ConcertDate
  /// The date as shown: "Sat 12 Dec 19:00".
  let when: String
  private var map: SeatMap?
  private var grid: SeatGrid?
  private var cursor: Int?
  private var picked: [SeatID] = []
  private var requestedAt: Date?
  private var isFetching = false
  private var isHolding = false
  private var tokenError: BookingError?

  init(concert: Concert, date: ConcertDate, when: String) {
    self.concert = concert
    self.date = date
    self.when = when
  }

  /// Under a second, so that with ticks every 200 ms others' holds show within a second.
  static let pollInterval: TimeInterval = 0.8

  var title: String { concert.title + " · " + when }

  var hints: [KeyHint] {
    [
      KeyHint("←↑↓→", "move"), KeyHint("Space", "pick"), KeyHint("Enter", "hold"),
      KeyHint("x", "release"), KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  var helpEntries: [KeyHint] {
    [
      KeyHint("←↑↓→ hjkl", "move the cursor"), KeyHint("PgUp PgDn", "ten rows up or down"),
      KeyHint("Home End 0 $", "first or last seat of the row"),
      KeyHint("g G", "first or last row"),
      KeyHint("Space", "pick or unpick the seat (up to the limit)"),
      KeyHint("click", "move to the seat and pick it"),
      KeyHint("Enter", "hold the picked seats (or this one), then pay"),
      KeyHint("x", "release your hold on this date"), KeyHint("Esc", "back to the dates"),
    ]
  }

  mutating func appear(_ context: AppContext) -> [Effect] { fetch(context) }

  private mutating func fetch(_ context: AppContext) -> [Effect] {
    isFetching = true
    requestedAt = context.now
    // Only opening the map is the user's doing; keeping it live is a read that neither
    // claims nor extends the turn.
    return [.run(map.map { .refreshSeats($0) } ?? .seats(date.id, concert.id))]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(let key): return handle(key, context)
    case .click(let point, let area): return click(at: point, area: area, context)
    case .tick:
      guard !isFetching, tokenError == nil else { return [] }
      if let requestedAt, context.now.timeIntervalSince(requestedAt) < Self.pollInterval {
        return []
      }
      return fetch(context)
    case .holdExpired: return fetch(context)
    case .changed(.seats(let id)) where id == date.id: return announced(context)
    case .changed(.line(let id)) where id == concert.id: return announced(context)
    case .result(.seats(.success(let latest))): return show(latest)
    case .result(.seats(.failure(let failure))):
      isFetching = false
      if failure.needsNewToken {
        tokenError = failure
      } else {
        return [.toast(failure.description, .error)]
      }
    case .result(.hold(.success(let hold))):
      isHolding = false
      picked = []
      let live = LiveHold(hold: hold, concert: concert, date: date)
      return [.holdTaken(live), .push(PaymentScreen(live))] + fetch(context)
    case .result(.hold(.failure(let failure))):
      isHolding = false
      return [.refreshHolds, .toast(failure.description, .error)] + fetch(context)
    case .result(.released(.success)):
      return [.refreshHolds, .toast("Hold released: the seats are free again.", .info)]
        + fetch(context)
    case .result(.released(.failure(let failure))):
      return [.refreshHolds, .toast(failure.description, .warning)] + fetch(context)
    default: break
    }
    return []
  }

  /// Someone changed this map or the line: read now, or right after the read in flight.
  private mutating func announced(_ context: AppContext) -> [Effect] {
    guard tokenError == nil else { return [] }
    guard !isFetching else {
      requestedAt = nil
      return []
    }
    return fetch(context)
  }

  /// Takes a fresh map, keeping the cursor on its seat and dropping picks someone else took.
  private mutating func show(_ latest: SeatMap) -> [Effect] {
    isFetching = false
    let cursorID = cursor.flatMap { grid?.seats[$0].id }
    map = latest
    let newGrid = SeatGrid(latest.seats)
    grid = newGrid
    cursor = cursorID.flatMap(newGrid.index(of:)) ?? newGrid.firstAvailable
    let gone = picked.filter { id in
      newGrid.index(of: id).map { !newGrid.seats[$0].isAvailable } ?? true
    }
    guard !gone.isEmpty else { return [] }
    picked.removeAll { gone.contains($0) }
    let labels = gone.compactMap { newGrid.index(of: $0).map { newGrid.seats[$0].label } }
    return [.toast("Someone else just took \(Format.seats(labels)).", .warning)]
  }

  private mutating func handle(_ key: Key, _ context: AppContext) -> [Effect] {
    if tokenError != nil {
      if key == .enter { return [.popToRoot, .push(WaitingRoomScreen(concert: concert))] }
      if key == .escape || key == .backspace { return [.pop] }
      return []
    }
    guard let grid, let current = cursor else {
      return key == .escape || key == .backspace ? [.pop] : []
    }
    let (rows, columns) = (grid.rowCount, grid.columnCount)
    switch key {
    case .left, .character("h"): cursor = grid.move(from: current, columns: -1)
    case .right, .character("l"): cursor = grid.move(from: current, columns: 1)
    case .up, .character("k"): cursor = grid.move(from: current, rows: -1)
    case .down, .character("j"): cursor = grid.move(from: current, rows: 1)
    case .pageUp: cursor = grid.move(from: current, rows: -10)
    case .pageDown: cursor = grid.move(from: current, rows: 10)
    case .home, .character("0"): cursor = grid.move(from: current, columns: -columns)
    case .end, .character("$"): cursor = grid.move(from: current, columns: columns)
    case .character("g"): cursor = grid.move(from: current, rows: -rows)
    case .character("G"): cursor = grid.move(from: current, rows: rows)
    case .character(" "): return togglePick(grid.seats[current], context)
    case .enter: return holdOrPay(grid.seats[current], context)
    case .character("x"): return release(context)
    case .escape, .backspace: return [.pop]
    default: break
    }
    return []
  }

  /// A click on a seat moves the cursor there and picks it; clicks elsewhere do nothing.
  private mutating func click(at point: Point, area: Rect, _ context: AppContext) -> [Effect] {
    guard tokenError == nil, let map, let grid else { return [] }
    let view = SeatMapView(grid: grid, tiers: map.tiers, cursor: cursor, picked: Set(picked))
    guard let index = view.seatIndex(at: point, in: area) else { return [] }
    cursor = index
    return togglePick(grid.seats[index], context)
  }

  private func release(_ context: AppContext) -> [Effect] {
    if let live = context.hold(on: date.id) { return [.run(.release(live.hold.id))] }
    if let other = context.soonestHold {
      return [
        .toast(
          "You hold nothing on this date; your hold is on \(context.dates.dayAndTime(other.date.startsAt)).",
          .info)
      ]
    }
    return [.toast("You hold no seats.", .info)]
  }

  private mutating func togglePick(_ seat: Seat, _ context: AppContext) -> [Effect] {
    if context.hold(on: date.id) != nil {
      return [.toast("You already hold seats here: Enter to pay, or x to release them.", .info)]
    }
    if let index = picked.firstIndex(of: seat.id) {
      picked.remove(at: index)
      return []
    }
    guard seat.isAvailable else {
      return [.toast("Seat \(seat.label) is \(SeatGlyph.stateText(seat.state)).", .warning)]
    }
    let limit = context.policy.maxSeatsPerUser - ownedCount
    guard picked.count < limit else {
      return [
        .toast("You may pick at most \(context.policy.maxSeatsPerUser) seats on a date.", .warning)
      ]
    }
    picked.append(seat.id)
    return []
  }

  private mutating func holdOrPay(_ seat: Seat, _ context: AppContext) -> [Effect] {
    if let live = context.hold(on: date.id) { return [.push(PaymentScreen(live))] }
    if let other = context.soonestHold {
      // One hold at a time: the user pays for or releases the first before holding again.
      let first =
        Format.seats(other.hold.seats.map(\.label)) + " for "
        + context.dates.dayAndTime(other.date.startsAt)
      return [
        .push(PaymentScreen(other)),
        .toast("You already hold \(first): pay or release it first.", .warning),
      ]
    }
    guard !isHolding else { return [] }
    let seats = picked.isEmpty ? [seat.id] : picked
    if picked.isEmpty && !seat.isAvailable {
      return [.toast("Seat \(seat.label) is \(SeatGlyph.stateText(seat.state)).", .warning)]
    }
    isHolding = true
    return [.run(.hold(seats, date.id, concert.id))]
  }

  private var ownedCount: Int {
    map?.seats.filter { $0.state == .heldByYou || $0.state == .yours }.count ?? 0
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    if let tokenError {
      let box = area.centred(width: min(area.width, 76), height: 4)
      Toast(tokenError.description, kind: .error).render(in: box.row(0), on: &canvas)
      canvas.put(
        "Press Enter to join the line again.", at: box.origin.offset(dx: 3, dy: 2), clippedTo: box)
      return
    }
    guard let map, let grid else {
      canvas.put(
        "Loading seats…", at: area.origin.offset(dx: 3, dy: 1), role: .dim, clippedTo: area)
      return
    }
    let view = SeatMapView(grid: grid, tiers: map.tiers, cursor: cursor, picked: Set(picked))
    view.render(into: &canvas, area: area)
    let layout = view.layout(in: area)
    SeatMapFooter(
      map: map, grid: grid, cursor: cursor, picked: picked, hold: context.hold(on: date.id)?.hold,
      layout: layout
    )
    .render(into: &canvas, from: layout.gridTop + layout.visibleRows + 1, area: area)
  }
}

extension BookingError {
  /// Whether the user must go back through the queue before booking again.
  var needsNewToken: Bool {
    switch self {
    case .tokenExpired, .tokenUsed, .leftTheLine, .unknownToken, .stillWaiting: true
    default: false
    }
  }
}
