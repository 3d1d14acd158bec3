import BookingEngine
import Foundation

/// The box office: an operator's live view of one concert's sale — the line and the
/// seats — with keys that change the line's rules, each asked first (y/n) and each one
/// engine call, and a crowd of synthetic buyers to watch a sale happen.
///
/// The view polls the engine twice a second; a poll is one small read on a snapshot when
/// nothing changed (see ``BookingEngine/refresh(_:)-(BoxOffice)``). Acting keys are
/// refused at once, with the engine's sentence, when the engine says the user is not an
/// operator; the engine checks again when the change is made.
struct BoxOfficeScreen: Screen {
  /// A change waiting for y or n.
  enum Action: Hashable, Sendable {
    case rule(QueueRule)
    case crowd
  }

  /// A value being typed for a rule.
  enum Entry: Hashable, Sendable {
    case capacity
    case claimWindow
  }

  /// What the bottom line asks.
  enum Prompt {
    case confirm(Action, question: String)
    case entry(Entry, TextFieldState)
  }

  /// Where the crowd is.
  enum CrowdRun {
    case running(since: Date, users: Int)
    case finished(CrowdSimulation.Summary)
    case failed(String)
  }

  let concert: ConcertID
  private(set) var office: BoxOffice?
  private(set) var prompt: Prompt?
  /// The settings `s` starts a crowd with: the last ones used.
  private(set) var crowd: CrowdSimulation.Configuration
  private(set) var crowdRun: CrowdRun?
  private var crowdsStarted = 0
  private var polledAt: Date?
  private var requestedAt: Date?
  private var isPolling = false
  private var isActing = false
  private var error: String?

  /// `crowd` is what `s` starts (its concert is set to this one).
  init(concert: ConcertID, crowd: CrowdSimulation.Configuration? = nil) {
    self.concert = concert
    var settings = crowd ?? CrowdSimulation.Configuration(concert: concert, users: 200)
    settings.concert = concert
    self.crowd = settings
  }

  static let pollInterval: TimeInterval = 0.5

  /// The admissions a minute `+` and `-` step through; past the top there is no limit.
  static let rateSteps = [
    1, 2, 5, 10, 20, 30, 60, 90, 120, 180, 300, 600, 900, 1_200, 1_800, 3_000, 6_000, 12_000,
  ]

  var title: String { "Box office · " + (office?.concert.title ?? concert.rawValue) }

  var capturesText: Bool {
    if case .entry = prompt { return true }
    return false
  }

  var hints: [KeyHint] {
    switch prompt {
    case .confirm: return [KeyHint("y", "yes"), KeyHint("n Esc", "no")]
    case .entry:
      return [KeyHint("0-9", "value"), KeyHint("Enter", "set"), KeyHint("Esc", "cancel")]
    case nil:
      return [
        KeyHint("p", "pause"), KeyHint("+-", "rate"), KeyHint("c", "capacity"),
        KeyHint("w", "window"), KeyHint("s", "crowd"), KeyHint("?", "help"), KeyHint("q", "quit"),
      ]
    }
  }

  var helpEntries: [KeyHint] {
    [
      KeyHint("p", "pause the line, or resume it"),
      KeyHint("+ -", "let more or fewer people in a minute"),
      KeyHint("c", "set how many may book at once"),
      KeyHint("w", "set the claim window (s)"),
      KeyHint("s", "start a crowd of synthetic buyers"),
      KeyHint("y n", "answer the question on the bottom line"),
      KeyHint("Esc", "cancel a question, or leave"),
    ]
  }

  mutating func appear(_ context: AppContext) -> [Effect] {
    isPolling = true
    requestedAt = context.now
    return [.run(.boxOffice(concert))]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(let key):
      return press(key, context)
    case .paste(let text):
      if case .entry(let entry, var field) = prompt {
        _ = field.insert(pasted: text)
        prompt = .entry(entry, field)
      }
    case .tick:
      return poll(context)
    case .result(.boxOffice(.success(let latest))):
      isPolling = false
      office = latest
      polledAt = context.now
      error = nil
    case .result(.boxOffice(.failure(let failure))):
      isPolling = false
      // With a view on screen, keep it (it says how old it is) and say what went wrong.
      guard office == nil else { return [.toast(failure.description, .error)] }
      error = failure.description
    case .result(.ruleChanged(let outcome)):
      isActing = false
      return changed(outcome, context)
    case .result(.simulated(let outcome)):
      switch outcome {
      case .success(let summary): crowdRun = .finished(summary)
      case .failure(let failure): crowdRun = .failed(failure.description)
      }
      return refreshNow(context)
    default: break
    }
    return []
  }

  // MARK: - Keys

  private mutating func press(_ key: Key, _ context: AppContext) -> [Effect] {
    switch prompt {
    case .confirm(let action, _):
      switch key {
      case .character("y"), .character("Y"):
        prompt = nil
        return perform(action, context)
      case .character("n"), .character("N"), .escape, .backspace:
        prompt = nil
        return [.toast("Nothing changed.", .info)]
      default: return []
      }
    case .entry(let entry, var field):
      switch key {
      case .escape:
        prompt = nil
        return [.toast("Nothing changed.", .info)]
      case .enter: return enter(entry, field.text)
      default:
        _ = field.handle(key)
        prompt = .entry(entry, field)
        return []
      }
    case nil:
      break
    }
    switch key {
    case .escape, .backspace: return [.pop]
    case .character(let character) where "p+-=cws".contains(character):
      guard let office, !isActing else { return [] }
      guard office.viewerMayAct else {
        return [.toast(BookingError.notAnOperator(office.viewer).description, .error)]
      }
      return ask(character, office)
    default: return []
    }
  }

  /// The question (or the field) an acting key opens.
  private mutating func ask(_ key: Character, _ office: BoxOffice) -> [Effect] {
    let rules = office.line.rules
    switch key {
    case "p":
      let pause = !office.line.isPaused
      confirm(
        .rule(.paused(pause)),
        pause
          ? "Pause the line? Nobody more is let in until you resume."
          : "Resume the line? People are let in again by the rules.")
    case "+", "=", "-":
      let up = key != "-"
      let current = rules.admissionsPerMinute
      let pace = office.line.admittedPerMinute.last ?? 0
      guard let next = Self.step(current, up: up, pace: pace) else {
        return [.toast(up ? "There is no limit to raise." : "That is the lowest rate.", .info)]
      }
      let now = current.map { Format.grouped($0) + " a minute" } ?? "no limit"
      confirm(
        .rule(.admissionsPerMinute(next)),
        next.map { "Let in \(Format.grouped($0)) a minute (now \(now))?" }
          ?? "Remove the limit on admissions a minute (now \(now))?")
    case "c":
      prompt = .entry(
        .capacity,
        TextFieldState(maxLength: 8, initial: rules.activeCapacity.map(String.init) ?? ""))
    case "w":
      prompt = .entry(
        .claimWindow, TextFieldState(maxLength: 8, initial: "\(Int(rules.claimWindow))"))
    case "s":
      if case .running = crowdRun { return [.toast("A crowd is already running.", .info)] }
      confirm(.crowd, "Start a crowd of " + BoxOfficeView.describe(crowd) + "?")
    default: break
    }
    return []
  }

  private mutating func confirm(_ action: Action, _ question: String) {
    prompt = .confirm(action, question: question)
  }

  /// Reads a typed value and asks to confirm it.
  private mutating func enter(_ entry: Entry, _ text: String) -> [Effect] {
    guard let rules = office?.line.rules else { return [] }
    let typed = text.trimmingCharacters(in: .whitespaces)
    switch entry {
    case .capacity:
      let now = rules.activeCapacity.map(Format.grouped) ?? "no limit"
      if typed.isEmpty || typed.lowercased() == "none" {
        confirm(.rule(.activeCapacity(nil)), "Remove the capacity limit (now \(now))?")
      } else if let capacity = Int(typed), capacity >= 0 {
        confirm(
          .rule(.activeCapacity(capacity)),
          "Let \(Format.grouped(capacity)) book at once (now \(now))?")
      } else {
        return [.toast("Type a whole number of people, or none.", .error)]
      }
    case .claimWindow:
      guard let seconds = Int(typed), seconds > 0 else {
        return [.toast("Type a whole number of seconds above zero.", .error)]
      }
      confirm(
        .rule(.claimWindow(TimeInterval(seconds))),
        "Give the admitted \(seconds) s to claim their turn (now \(Int(rules.claimWindow)) s)?")
    }
    return []
  }

  private mutating func perform(_ action: Action, _ context: AppContext) -> [Effect] {
    switch action {
    case .rule(let rule):
      isActing = true
      return [.run(.changeRule(rule, concert))]
    case .crowd:
      crowdsStarted += 1
      // Each crowd has its own names, so a second one does not find the first one's places.
      var settings = crowd
      settings.userPrefix =
        "crowd\(Int(context.now.timeIntervalSince1970) % 100_000)-\(crowdsStarted)"
      crowdRun = .running(since: context.now, users: settings.users)
      return [.run(.simulate(settings)), .toast("A crowd is on its way.", .success)]
    }
  }

  private mutating func changed(_ outcome: Result<QueueRule, BookingError>, _ context: AppContext)
    -> [Effect]
  {
    switch outcome {
    case .success(let rule):
      return refreshNow(context) + [.toast(Self.done(rule), .success)]
    case .failure(let failure):
      return refreshNow(context) + [.toast(failure.description + " Nothing changed.", .error)]
    }
  }

  // MARK: - Polling

  private mutating func poll(_ context: AppContext) -> [Effect] {
    guard !isPolling else { return [] }
    if let requestedAt, context.now.timeIntervalSince(requestedAt) < Self.pollInterval {
      return []
    }
    return refreshNow(context)
  }

  private mutating func refreshNow(_ context: AppContext) -> [Effect] {
    guard !isPolling else { return [] }
    isPolling = true
    requestedAt = context.now
    return [.run(office.map { .refreshBoxOffice($0) } ?? .boxOffice(concert))]
  }

  // MARK: - Words

  /// The next limit up or down the steps from `current` (nil: no limit), itself nil
  /// inside for "no limit"; nil when there is nowhere to go. Down from no limit is the
  /// step at or below `pace` (the last minute's admissions), or 600 when nobody came in.
  static func step(_ current: Int?, up: Bool, pace: Int) -> Int?? {
    guard let current else {
      if up { return nil }
      return .some(pace > 0 ? rateSteps.last { $0 <= pace } ?? rateSteps[0] : 600)
    }
    if up {
      return .some(rateSteps.first { $0 > current })
    }
    guard let lower = rateSteps.last(where: { $0 < current }) else { return nil }
    return .some(lower)
  }

  private static func done(_ rule: QueueRule) -> String {
    switch rule {
    case .paused(true): "Paused: nobody more is let in."
    case .paused(false): "Resumed: people are let in again."
    case .admissionsPerMinute(let rate):
      rate.map { "Letting in up to \(Format.grouped($0)) a minute." }
        ?? "No limit on admissions a minute."
    case .activeCapacity(let capacity):
      capacity.map { "Up to \(Format.grouped($0)) may book at once." } ?? "No capacity limit."
    case .claimWindow(let seconds): "The admitted have \(Int(seconds)) s to claim their turn."
    }
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    var view = BoxOfficeView(area: area, canvas: canvas)
    if let office {
      view.draw(office, polledAt: polledAt ?? context.now, crowd: crowd, run: crowdRun, context)
    } else {
      view.message(error ?? "Reading the sale of \(concert)…", role: error == nil ? .dim : .error)
    }
    view.prompt(prompt)
    canvas = view.canvas
  }
}
