import BookingEngine
import Foundation

/// The Encore app: a stack of screens, the run loop, and a deterministic driver for tests.
///
/// For example:
/// ```swift
/// let app = EncoreApp(engine: engine, user: "alice")
/// await app.run(on: terminal)  // returns when the user quits
/// ```
///
/// Tests drive it without the loop: `send(_:)` keys, `tick()`, `await settle()` to finish
/// engine calls, and `render(size:)` to read the screen.
@MainActor
public final class EncoreApp {
  private let engine: BookingEngine
  private let user: UserID
  private let timeZone: TimeZone
  private let runner: EffectRunner
  private var stack: [(id: ScreenID, screen: any Screen)] = []
  private var nextScreen = 0
  private var hold: Hold?
  private var toast: (toast: Toast, shownAt: Date)?
  private var showingHelp = false
  private var size = TooSmallScreen.minimumSize

  /// Whether the user has quit.
  public private(set) var isFinished = false

  /// Opens the app on the concert list for `user`; dates and times show in `timeZone`.
  public init(engine: BookingEngine, user: UserID, timeZone: TimeZone = .current) {
    self.engine = engine
    self.user = user
    self.timeZone = timeZone
    self.runner = EffectRunner(engine: engine, user: user)
    perform([.push(ConcertListScreen())], from: nil)
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

  /// Handles a key or a resize.
  public func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key): send(key)
    case .resize(let newSize): size = newSize
    }
  }

  /// Handles key presses in order, as if typed.
  public func send(_ keys: Key...) {
    for key in keys { send(key) }
  }

  /// Handles one key press: Ctrl-C and `q` quit, `?` toggles help, the rest go to the screen.
  public func send(_ key: Key) {
    guard !isFinished else { return }
    if key == .ctrl("c") { return quit() }
    if !size.covers(TooSmallScreen.minimumSize) {
      if key == .character("q") { quit() }
      return
    }
    if showingHelp {
      showingHelp = false
      return
    }
    switch key {
    case .character("?"): showingHelp = true
    case .character("q"): quit()
    default: updateTop(.key(key))
    }
  }

  /// Lets time pass: countdowns, toasts, the hold's expiry and the screens' polls.
  public func tick() {
    guard !isFinished else { return }
    let now = engine.clock.now()
    if let shown = toast, now.timeIntervalSince(shown.shownAt) >= Self.toastSeconds { toast = nil }
    if let current = hold, current.remaining(at: now) <= 0 {
      hold = nil
      let seats = current.seats.map(\.label).joined(separator: ", ")
      show(Toast("Your hold on seat \(seats) ran out: the seats are free again.", kind: .warning))
      updateTop(.holdExpired(current))
    }
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
    let (titleArea, rest) = canvas.bounds.split(topRows: TitleBar.height)
    let (middle, footerArea) = rest.split(bottomRows: KeyHintBar.height)
    let (body, toastArea) = middle.split(bottomRows: 1)
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

  static let globalHints = [
    KeyHint("Esc Backspace", "go back"), KeyHint("?", "show or hide this help"),
    KeyHint("q Ctrl-C", "quit"),
  ]

  private func titleRight(_ context: AppContext) -> String {
    if let seconds = context.holdSecondsLeft {
      return "\(user)   hold \(Format.countdown(seconds: seconds))"
    }
    return "\(user)  \(context.dates.clock(context.now))"
  }

  // MARK: - Effects

  private func makeContext() -> AppContext {
    AppContext(
      user: user, now: engine.clock.now(), hold: hold, policy: engine.policy, timeZone: timeZone)
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

  private func deliverResults() {
    for delivery in runner.takeDeliveries() {
      update(delivery.screen, .result(delivery.result))
    }
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
      case .setHold(let newHold): hold = newHold
      }
    }
  }

  private func appearTop() {
    guard let id = stack.last?.id else { return }
    let effects = stack[stack.count - 1].screen.appear(makeContext())
    perform(effects, from: id)
  }
}
