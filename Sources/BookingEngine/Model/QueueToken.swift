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
    /// Admitted: may book until `until`, extended by every booking call.
    case active(until: Date)
    /// Used by a payment; join again to buy more.
    case used
    /// Timed out: active but unused for too long.
    case expired
    /// Gone from the line: not polled for too long. Joining again starts at the back.
    case left
  }

  public var token: QueueToken
  public var state: State
  /// People ahead when this token joined, for "moved N since you joined".
  public var aheadAtJoin: Int
  /// Everyone waiting in this concert's line right now.
  public var waitingCount: Int
  /// People let in over the last minute.
  public var admittedLastMinute: Int
  /// Predicted time until admission, or nil while there is too little flow to tell.
  public var estimatedWait: TimeInterval?

  public init(
    token: QueueToken, state: State, aheadAtJoin: Int, waitingCount: Int, admittedLastMinute: Int,
    estimatedWait: TimeInterval?
  ) {
    self.token = token
    self.state = state
    self.aheadAtJoin = aheadAtJoin
    self.waitingCount = waitingCount
    self.admittedLastMinute = admittedLastMinute
    self.estimatedWait = estimatedWait
  }

  public var isActive: Bool {
    if case .active = state { return true }
    return false
  }
}
