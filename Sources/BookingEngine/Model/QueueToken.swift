import Foundation

/// A place in a concert's waiting line, and later the pass to book.
public struct QueueToken: Sendable, Hashable, Codable {
  public var value: TokenValue
  public var user: UserID
  public var concertID: ConcertID
  public var issuedAt: Date

  public init(value: TokenValue, user: UserID, concertID: ConcertID, issuedAt: Date) {
    self.value = value
    self.user = user
    self.concertID = concertID
    self.issuedAt = issuedAt
  }
}

/// Where a token stands in its concert's line.
public struct QueueStatus: Sendable, Hashable, Codable {
  public enum State: Sendable, Hashable, Codable {
    /// The sale has not opened; everyone who joins before it gets a random place at opening.
    case beforeOpening(opensAt: Date)
    /// In line: `position` is people still waiting ahead plus one.
    case waiting(position: Int, ahead: Int)
    /// Admitted: may book until `until`. The first booking call claims the turn (within
    /// the line's claim window); each booking call extends it, up to the longest turn.
    case active(until: Date)
    /// Used by a payment; join again to buy more.
    case used
    /// Timed out: not claimed in time, unused for too long, or the longest turn is over.
    case expired
    /// Gone from the line: not polled for too long. Joining again starts at the back.
    case left
  }

  /// How long until admission, as honestly as the line's flow allows.
  public enum WaitEstimate: Sendable, Hashable, Codable {
    /// Too little flow seen, or too unsteady, to tell.
    case notKnownYet
    /// The operator stopped letting people in: nobody moves until admission resumes.
    case paused
    /// A steady flow: about this long.
    case about(TimeInterval)
    /// An unsteady flow: somewhere between these.
    case between(TimeInterval, TimeInterval)
  }

  public var token: QueueToken
  public var state: State
  /// People ahead when this token joined, for "moved N since you joined".
  public var aheadAtJoin: Int
  /// Everyone waiting in this concert's line right now.
  public var waitingCount: Int
  /// People let in over the last minute.
  public var admittedLastMinute: Int
  /// The wait until admission, for a waiting token (`.notKnownYet` otherwise).
  public var wait: WaitEstimate
  /// Whether the operator has paused admission to this line.
  public var isPaused: Bool
  /// How long a waiter may be away (not checking) and keep the place: the line's grace rule.
  public var placeKeptFor: TimeInterval
  /// When the line let this token in (nil while it waits, or if it left before its turn):
  /// the end of the wait an estimate predicted, whenever the person noticed it.
  public var admittedAt: Date?

  public init(
    token: QueueToken, state: State, aheadAtJoin: Int, waitingCount: Int, admittedLastMinute: Int,
    wait: WaitEstimate, isPaused: Bool, placeKeptFor: TimeInterval, admittedAt: Date? = nil
  ) {
    self.token = token
    self.state = state
    self.aheadAtJoin = aheadAtJoin
    self.waitingCount = waitingCount
    self.admittedLastMinute = admittedLastMinute
    self.wait = wait
    self.isPaused = isPaused
    self.placeKeptFor = placeKeptFor
    self.admittedAt = admittedAt
  }

  /// One number for the wait: the estimate, the middle of a range, or nil when not known.
  public var estimatedWait: TimeInterval? {
    switch wait {
    case .about(let seconds): seconds
    case .between(let low, let high): (low + high) / 2
    case .notKnownYet, .paused: nil
    }
  }

  public var isActive: Bool {
    if case .active = state { return true }
    return false
  }
}
