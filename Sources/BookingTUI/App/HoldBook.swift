import BookingEngine
import Foundation

/// The app's copy of the user's live holds, as the engine last reported them, and when to ask
/// again. The engine is the truth: this only keeps its last answer, drops holds that ran out,
/// and throws away an answer that a change made while it was on its way has made stale.
struct HoldBook {
  /// Soonest to run out first.
  private(set) var holds: [LiveHold] = []
  private var requestedAt: Date?
  private var isFetching = false
  private var changedSinceFetch = false

  /// How often the holds are asked for again, to see holds made elsewhere.
  static let pollInterval: TimeInterval = 2

  /// Whether to start a fetch now, noting the request. A change (`changed`) made while a fetch
  /// is under way marks that fetch's answer as stale; a plain poll then just waits.
  mutating func request(at now: Date, changed: Bool) -> Bool {
    requestedAt = now
    guard !isFetching else {
      changedSinceFetch = changedSinceFetch || changed
      return false
    }
    isFetching = true
    return true
  }

  /// Whether a poll is due.
  func isPollDue(at now: Date) -> Bool {
    guard let requestedAt else { return false }
    return now.timeIntervalSince(requestedAt) >= Self.pollInterval
  }

  /// Takes the engine's answer; returns whether to fetch again because it may be stale.
  mutating func receive(_ result: Result<[LiveHold], BookingError>, at now: Date) -> Bool {
    isFetching = false
    if changedSinceFetch {
      changedSinceFetch = false
      return true
    }
    if case .success(let latest) = result {
      holds = latest.filter { $0.hold.remaining(at: now) > 0 }
    }
    return false
  }

  /// Shows a hold just taken before the engine's next answer.
  mutating func add(_ live: LiveHold) {
    holds = (holds.filter { $0.hold.id != live.hold.id } + [live]).sorted {
      $0.hold.expiresAt < $1.hold.expiresAt
    }
  }

  /// Drops and returns the holds that have run out by `now`.
  mutating func removeExpired(at now: Date) -> [LiveHold] {
    let expired = holds.filter { $0.hold.remaining(at: now) <= 0 }
    holds.removeAll { $0.hold.remaining(at: now) <= 0 }
    return expired
  }
}
