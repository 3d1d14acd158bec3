import BookingEngine

/// Paying for a hold with points: the seats, the price, the balance and what is left after.
/// Too little balance shows the shortfall and offers the points screen, keeping the hold.
///
/// It names the hold's own concert, date and seats (as the engine reported them), whichever
/// screen it was opened from, and pays with the token kept for that concert.
struct PaymentScreen: Screen {
  let live: LiveHold
  private var balance: Int64?
  private var menu = ListState(selected: 0)
  private var isPaying = false

  init(_ live: LiveHold) {
    self.live = live
  }

  private var hold: Hold { live.hold }

  /// What the user can do here.
  enum Choice: Hashable {
    case pay, charge, back, release
  }

  var title: String { "Payment" }

  var hints: [KeyHint] {
    [
      KeyHint("↑↓ jk", "choose"), KeyHint("Enter", "confirm"), KeyHint("Esc", "back"),
      KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  private var shortfall: Int64? {
    guard let balance, balance < hold.amount else { return nil }
    return hold.amount - balance
  }

  var choices: [Choice] {
    shortfall == nil ? [.pay, .back, .release] : [.charge, .release, .back]
  }

  private func label(_ choice: Choice) -> String {
    switch choice {
    case .pay: "Pay " + Format.won(hold.amount)
    case .charge: "Charge points and come back (your hold stays)"
    case .back: "Go back (your hold stays)"
    case .release: "Release the seats"
    }
  }

  private var items: [ListItem] { choices.map { ListItem(label($0)) } }

  mutating func appear(_ context: AppContext) -> [Effect] { [.run(.account)] }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(let key): return handle(key)
    case .holdExpired(let expired) where expired.hold.id == hold.id: return [.pop]
    case .tick where !isPaying && !context.holds.contains(where: { $0.hold.id == hold.id }):
      // Released or paid elsewhere (another terminal, a shell): this screen would be untrue.
      let seats = Format.seats(hold.seats.map(\.label))
      return [.pop, .toast("Your hold on \(seats) ended elsewhere (released or paid).", .info)]
    case .result(.account(.success(let account))): setBalance(account.balance)
    case .result(.payment(.success(let payment))):
      isPaying = false
      return [
        .refreshHolds, .popToRoot, .push(TicketsScreen(justPaid: payment.id)),
        .toast("Paid " + Format.won(payment.amount) + ". Enjoy the show!", .success),
      ]
    case .result(.payment(.failure(let failure))):
      isPaying = false
      return refused(failure)
    case .result(.released(let result)):
      let message = (try? result.get()).map { _ in "Hold released: the seats are free again." }
      return [.refreshHolds, .pop, .toast(message ?? "Your hold had already ended.", .info)]
    case .result(.account(.failure(let failure))): return [.toast(failure.description, .error)]
    default: break
    }
    return []
  }

  private mutating func setBalance(_ value: Int64) {
    let before = choices
    balance = value
    if choices != before { menu = ListState(selected: 0) }
  }

  private mutating func refused(_ failure: BookingError) -> [Effect] {
    switch failure {
    case .insufficientBalance(let current, _):
      setBalance(current)
      return [.toast(failure.description, .error)]
    case .holdExpired, .holdReleased, .unknownHold:
      return [.refreshHolds, .pop, .toast(failure.description, .warning)]
    default:
      return [.toast(failure.description, .error)]
    }
  }

  private mutating func handle(_ key: Key) -> [Effect] {
    switch key {
    case .up, .character("k"): menu.moveSelection(by: -1, in: items)
    case .down, .character("j"): menu.moveSelection(by: 1, in: items)
    case .home, .character("g"): menu.selectEdge(toEnd: false, in: items)
    case .end, .character("G"): menu.selectEdge(toEnd: true, in: items)
    case .escape, .backspace: return [.pop]
    case .enter:
      guard let index = menu.selected, choices.indices.contains(index) else { return [] }
      return choose(choices[index])
    default: break
    }
    return []
  }

  private mutating func choose(_ choice: Choice) -> [Effect] {
    switch choice {
    case .pay:
      guard !isPaying else { return [] }
      isPaying = true
      return [.run(.pay(hold.id, live.concert.id))]
    case .charge: return [.push(PointsScreen(suggested: shortfall, returnsAfterCharge: true))]
    case .back: return [.pop]
    case .release: return [.run(.release(hold.id))]
    }
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    var y = content.minY
    canvas.put(
      live.concert.title + " · " + context.dates.dayAndTime(live.date.startsAt) + " · "
        + live.concert.venue, at: Point(content.minX, y), role: .title, clippedTo: content)
    y += 2
    let seats = hold.seats.map { "\($0.label) (\($0.tier))" }.joined(separator: ", ")
    row("Seats", seats, y: y, role: .bold, &canvas, content)
    row("Price", Format.won(hold.amount), y: y + 1, role: .bold, &canvas, content, money: true)
    row(
      "Your balance", balance.map(Format.won) ?? "…", y: y + 2, role: .normal, &canvas, content,
      money: true)
    canvas.put(
      String(repeating: "─", count: 42), at: Point(content.minX, y + 3), role: .border,
      clippedTo: content)
    if let shortfall {
      row("Short by", Format.won(shortfall), y: y + 4, role: .error, &canvas, content, money: true)
    } else if let balance {
      row(
        "Balance after", Format.won(balance - hold.amount), y: y + 4, role: .success, &canvas,
        content, money: true)
    }
    let seconds = context.secondsLeft(hold)
    canvas.put(
      "Your hold ends in " + Format.countdown(seconds: seconds)
        + ": pay before then or the seats go back on sale.",
      at: Point(content.minX, y + 6), role: .warning, clippedTo: content)
    let menuArea = Rect(
      x: content.minX, y: y + 8, width: min(content.width, 60), height: choices.count)
    ListView(items: items, state: menu).render(in: menuArea, on: &canvas)
    if isPaying {
      canvas.put("Paying…", at: Point(content.minX, y + 12), role: .dim, clippedTo: content)
    }
  }

  private func row(
    _ label: String, _ value: String, y: Int, role: Role, _ canvas: inout Canvas, _ area: Rect,
    money: Bool = false
  ) {
    canvas.put(label, at: Point(area.minX, y), role: .dim, clippedTo: area)
    let x = money ? area.minX + 42 - TextWidth.width(of: value) : area.minX + 15
    canvas.put(value, at: Point(x, y), role: role, clippedTo: area)
  }
}
