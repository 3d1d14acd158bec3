import BookingEngine
import Synchronization

/// Runs engine commands off the main actor and collects their results for the app loop.
///
/// Results land in a locked mailbox, so the loop never waits for the engine: it drains
/// whatever has arrived each turn. Tests call `settle()` to wait for every command in flight.
@MainActor
final class EffectRunner {
  /// A finished command and the screen that asked for it (nil: the app itself).
  struct Delivery: Sendable {
    var task: Int
    var screen: ScreenID?
    var result: EngineResult
  }

  private final class Mailbox: Sendable {
    private let deliveries = Mutex<[Delivery]>([])
    func post(_ delivery: Delivery) { deliveries.withLock { $0.append(delivery) } }
    func take() -> [Delivery] {
      deliveries.withLock { box in
        defer { box = [] }
        return box
      }
    }
  }

  /// What the engine announced and the loop has not taken yet, in order, without repeats.
  private final class Announcements: Sendable {
    private let changes = Mutex<[BookingChange]>([])
    func post(_ change: BookingChange) {
      changes.withLock { if !$0.contains(change) { $0.append(change) } }
    }
    func take() -> [BookingChange] {
      changes.withLock { box in
        defer { box = [] }
        return box
      }
    }
  }

  private let engine: BookingEngine
  private let user: UserID
  private let keeper: any TokenKeeper
  private let mailbox = Mailbox()
  private let announcements = Announcements()
  private let watching: Task<Void, Never>?
  private var inFlight: [Int: Task<Void, Never>] = [:]
  private var nextTask = 0

  /// Whether the engine announces what others change (PostgreSQL), so views may poll less.
  let announces: Bool

  init(engine: BookingEngine, user: UserID, keeper: any TokenKeeper) {
    self.engine = engine
    self.user = user
    self.keeper = keeper
    let stream = engine.changes()
    let announcements = announcements
    announces = stream != nil
    watching = stream.map { stream in
      Task.detached {
        for await change in stream { announcements.post(change) }
      }
    }
  }

  deinit { watching?.cancel() }

  /// What the engine announced since the last call.
  func takeChanges() -> [BookingChange] { announcements.take() }

  /// Whether any command is still running.
  var isBusy: Bool { !inFlight.isEmpty }

  /// Starts `command` for `screen` (nil: the app) in the background.
  func start(_ command: EngineCommand, for screen: ScreenID?) {
    let (engine, user, keeper, mailbox) = (self.engine, self.user, self.keeper, self.mailbox)
    let number = nextTask
    nextTask += 1
    inFlight[number] = Task.detached {
      let result = await command.perform(on: engine, user: user, keeper: keeper)
      mailbox.post(Delivery(task: number, screen: screen, result: result))
    }
  }

  /// The results that have arrived since the last call.
  func takeDeliveries() -> [Delivery] {
    let deliveries = mailbox.take()
    for delivery in deliveries { inFlight[delivery.task] = nil }
    return deliveries
  }

  /// Waits until every command started so far has posted its result (not yet taken).
  func waitForAll() async {
    for task in inFlight.values { await task.value }
  }
}

/// Names one screen instance, so a late result reaches the screen that asked (or nobody).
struct ScreenID: Hashable, Sendable {
  var rawValue: Int
}
