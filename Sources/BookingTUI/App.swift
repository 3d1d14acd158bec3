import BookingEngine
import Foundation

/// The Encore app: a stack of screens, the run loop, and a deterministic driver for tests.
///
/// For example:
/// ```swift
/// let app = EncoreApp(engine: engine, user: "alice", keeper: jar)
/// await app.run(on: terminal)  // returns when the user quits
/// ```
///
/// Tests drive it without the loop: `send(_:)` keys, `tick()`, `await settle()` to finish
/// engine calls, and `render(size:)` to read the screen.
///
/// What the app shows of the user's own state comes from the engine: the holds are loaded at
/// start, whenever a screen comes on top, after every booking call and every few seconds, so a
/// hold made with `encore hold` or before a restart shows with its countdown.
@MainActor
public final class EncoreApp {
  private let engine: BookingEngine
  private let user: UserID
  private let timeZone: TimeZone
  private let runner: EffectRunner
  private var stack: [(id: ScreenID, screen: any Screen)] = []
  private var nextScreen = 0
  private var book = HoldBook()
  private var toast: (toast: Toast, shownAt: Date)?
  private(set) var showingHelp = false
  private(set) var size = TooSmallScreen.minimumSize

  /// Whether the user has quit.
  public private(set) var isFinished = false

  /// The screen keys go to.
  var topScreen: (any Screen)? { stack.last?.screen }

  /// Opens the app on the concert list for `user`; dates and times show in `timeZone`.
  ///
  /// - Parameter keeper: where the user's queue tokens are kept; the command line's token jar
  ///   in the real program, so the app and `encore queue …` share one place in line.
  public convenience init(
    engine: BookingEngine, user: UserID, keeper: any TokenKeeper = MemoryTokenKeeper(),
    timeZone: TimeZone = .current
  ) {
    self.init(
      engine: engine, user: user, keeper: keeper, timeZone: timeZone, first: ConcertListScreen())
  }

  /// Opens the box office of `concert` for `user`: an operator's live view of the sale.
  ///
  /// - Parameter crowd: what `s` starts (a crowd of 200 with the simulator's defaults if nil).
  public convenience init(
    boxOffice concert: ConcertID, engine: BookingEngine, user: UserID,
    crowd: CrowdSimulation.Configuration? = nil, timeZone: TimeZone = .current
  ) {
    self.init(
      engine: engine, user: user, keeper: MemoryTokenKeeper(), timeZone: timeZone,
      first: BoxOfficeScreen(concert: concert, crowd: crowd))
  }

  private init(
    engine: BookingEngine, user: UserID, keeper: any TokenKeeper, timeZone: TimeZone,
    first: any Screen
  ) {
    self.engine = engine
    self.user = user
    self.timeZone = timeZone
    self.runner = EffectRunner(engine: engine, user: user, keeper: keeper)
    perform([.push(first)], from: nil)
  }

  /// How long a toast stays on screen.
  static let toastSeconds: TimeInterval = 5
  /// How often countdowns and polls are checked in `run(on:)`.
  static let tickInterval = Duration.milliseconds(200)

  // MARK: - Run loop

  /// Shows the app on `terminal` until the user quits.
  public func run(on terminal: any Terminal) async {
    let clock = ContinuousClock()
    var lastTick = clock.now
    size = terminal.size
    while !isFinished {
      deliverResults()
      if isFinished { break }
      terminal.draw(render(size: terminal.size))
      let event = terminal.nextEvent(timeout: .milliseconds(50))
      if let event { handle(event) }
      if clock.now - lastTick >= Self.tickInterval {
        tick()
        lastTick = clock.now
      }
      // Let finished engine tasks hand over; a terminal that never waits gets a short pause.
      if event == nil { try? await Task.sleep(for: .milliseconds(5)) } else { await Task.yield() }
    }
  }

  // MARK: - Driver

  /// Handles a key, a paste, a click or a resize.
  public func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key): send(key)
    case .paste(let text): paste(text)
    case .mouse(let point): click(at: point)
    case .resize(let newSize): size = newSize
    }
  }

  /// Handles key presses in order, as if typed.
  public func send(_ keys: Key...) {
    for key in keys { send(key) }
  }

  /// Handles one key press: Ctrl-C and `q` quit, `?` and F1 toggle help, the rest go to the
  /// screen. A focused text field owns `q`, `?` and every other printable key.
  public func send(_ key: Key) {
    guard !isFinished else { return }
    if key == .ctrl("c") { return quit() }
    let typing = stack.last?.screen.capturesText == true
    if !size.covers(TooSmallScreen.minimumSize) {
      if key == .character("q") && !typing { quit() }
      return
    }
    if showingHelp {
      showingHelp = false
      return
    }
    switch key {
    case .function(1): showingHelp = true
    case .character("?") where !typing: showingHelp = true
    case .character("q") where !typing: quit()
    default: updateTop(.key(key))
    }
  }

  /// Hands pasted text to the screen when a text field has focus; otherwise it is dropped,
  /// never replayed as keys.
  public func paste(_ text: String) {
    guard !isFinished, !showingHelp, size.covers(TooSmallScreen.minimumSize),
      stack.last?.screen.capturesText == true
    else { return }
    updateTop(.paste(text))
  }

  /// A left click at `point`: closes help, or goes to the screen with its body's area.
  public func click(at point: Point) {
    guard !isFinished, size.covers(TooSmallScreen.minimumSize) else { return }
    if showingHelp {
      showingHelp = false
      return
    }
    updateTop(.click(point, area: Self.layout(Canvas(size: size).bounds).body))
  }

  /// Lets time pass: countdowns, toasts, the holds' expiry and the screens' polls.
  public func tick() {
    guard !isFinished else { return }
    let now = engine.clock.now()
    if let shown = toast, now.timeIntervalSince(shown.shownAt) >= Self.toastSeconds { toast = nil }
    for live in book.removeExpired(at: now) {
      let when = makeContext().dates.dayAndTime(live.date.startsAt)
      show(
        Toast(
          "Your hold on \(Format.seats(live.hold.seats.map(\.label))) (\(when)) ran out: "
            + "they are free again.", kind: .warning))
      updateTop(.holdExpired(live))
    }
    if book.isPollDue(at: now) { refreshHolds(changed: false) }
    updateTop(.tick)
  }

  /// Waits for every engine call in flight and hands the results to their screens, until
  /// nothing is left running.
  public func settle() async {
    repeat {
      await runner.waitForAll()
      deliverResults()
    } while runner.isBusy
  }

  /// Handles every event queued on `terminal`, settling engine calls after each, then draws.
  public func step(on terminal: any Terminal) async {
    size = terminal.size
    await settle()
    while let event = terminal.nextEvent(timeout: .zero) {
      handle(event)
      await settle()
    }
    terminal.draw(render(size: terminal.size))
  }

  // MARK: - Rendering

  /// The whole screen at `size`: title bar, the top screen, toast, footer, and help on top.
  public func render(size: Size) -> Canvas {
    var canvas = Canvas(size: size)
    guard size.covers(TooSmallScreen.minimumSize), let top = stack.last?.screen else {
      TooSmallScreen(current: size).render(in: canvas.bounds, on: &canvas)
      return canvas
    }
    let context = makeContext()
    let (titleArea, body, toastArea, footerArea) = Self.layout(canvas.bounds)
    TitleBar(left: " Encore · " + top.title, right: titleRight(context) + " ")
      .render(in: titleArea, on: &canvas)
    top.render(into: &canvas, area: body, context)
    toast?.toast.render(in: toastArea, on: &canvas)
    KeyHintBar(hints: top.hints, status: top.status(context))
      .render(in: footerArea, on: &canvas)
    if showingHelp {
      let own = top.helpEntries.filter { !["?", "q"].contains($0.key) }
      HelpOverlay(entries: own + Self.globalHints).render(in: canvas.bounds, on: &canvas)
    }
    return canvas
  }

  /// The title bar, the screen's body, the toast line and the footer.
  private static func layout(_ bounds: Rect) -> (title: Rect, body: Rect, toast: Rect, footer: Rect)
  {
    let (titleArea, rest) = bounds.split(topRows: TitleBar.height)
    let (middle, footerArea) = rest.split(bottomRows: KeyHintBar.height)
    let (body, toastArea) = middle.split(bottomRows: 1)
    return (titleArea, body, toastArea, footerArea)
  }

  static let globalHints = [
    KeyHint("Esc Backspace", "go back"), KeyHint("? F1", "show or hide this help"),
    KeyHint("q Ctrl-C", "quit"), KeyHint("Ctrl-Z", "suspend (fg to come back)"),
  ]

  private func titleRight(_ context: AppContext) -> String {
    if let soonest = context.soonestHold {
      let count = context.holds.count > 1 ? "\(context.holds.count) holds · " : "hold "
      return "\(user)   \(count)\(Format.countdown(seconds: context.secondsLeft(soonest.hold)))"
    }
    return "\(user)  \(context.dates.clock(context.now))"
  }

  // MARK: - Effects

  private func makeContext() -> AppContext {
    AppContext(
      user: user, now: engine.clock.now(), holds: book.holds, policy: engine.policy,
      timeZone: timeZone, announces: runner.announces)
  }

  private func quit() {
    isFinished = true
  }

  private func show(_ newToast: Toast) {
    toast = (newToast, engine.clock.now())
  }

  private func updateTop(_ event: ScreenEvent) {
    guard let id = stack.last?.id else { return }
    update(id, event)
  }

  private func update(_ id: ScreenID, _ event: ScreenEvent) {
    guard let index = stack.firstIndex(where: { $0.id == id }) else { return }
    let effects = stack[index].screen.update(event, makeContext())
    perform(effects, from: id)
  }

  /// Hands an announced change to the screen on top.
  func announced(_ change: BookingChange) {
    guard !isFinished else { return }
    updateTop(.changed(change))
  }

  private func deliverResults() {
    for change in runner.takeChanges() { announced(change) }
    let deliveries = runner.takeDeliveries()
    // The app's own results (the holds) first, whatever finished first: a screen updated
    // in the same batch then reads them in its context.
    for delivery in deliveries where delivery.screen == nil { receive(delivery.result) }
    for delivery in deliveries {
      if let screen = delivery.screen { update(screen, .result(delivery.result)) }
    }
  }

  /// Asks the engine for the user's holds; `changed` when something may have changed them.
  private func refreshHolds(changed: Bool = true) {
    if book.request(at: engine.clock.now(), changed: changed) { runner.start(.holds, for: nil) }
  }

  /// A result the app asked for itself.
  private func receive(_ result: EngineResult) {
    guard case .holds(let fetched) = result else { return }
    let before = book.holds.map(\.hold.id)
    if book.receive(fetched, at: engine.clock.now()) { refreshHolds() }
    // What a screen derives from the holds (the concert list's Enter hint) follows at
    // once, not at its next event, whichever engine result arrives first.
    if book.holds.map(\.hold.id) != before { updateTop(.holdsChanged) }
  }

  private func perform(_ effects: [Effect], from id: ScreenID?) {
    for effect in effects {
      guard !isFinished else { return }
      switch effect {
      case .push(let screen):
        stack.append((ScreenID(rawValue: nextScreen), screen))
        nextScreen += 1
        appearTop()
      case .pop:
        stack.removeLast()
        if stack.isEmpty { return quit() }
        appearTop()
      case .popToRoot:
        stack.removeLast(stack.count - 1)
        appearTop()
      case .replace(let screen):
        stack.removeLast()
        perform([.push(screen)], from: id)
      case .quit: quit()
      case .run(let command): if let id { runner.start(command, for: id) }
      case .toast(let message, let kind): show(Toast(message, kind: kind))
      case .refreshHolds: refreshHolds()
      case .holdTaken(let live):
        book.add(live)
        refreshHolds()
      }
    }
  }

  private func appearTop() {
    guard let id = stack.last?.id else { return }
    refreshHolds(changed: false)
    let effects = stack[stack.count - 1].screen.appear(makeContext())
    perform(effects, from: id)
  }
}
