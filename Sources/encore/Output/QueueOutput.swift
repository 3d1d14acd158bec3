import BookingEngine
import Foundation

/// A place in line, for `queue join` and `queue status`. Every key is always present;
/// those that do not apply to the state are `null`.
struct QueueOutput: Encodable {
  var concert: String
  var token: String
  /// `before_opening`, `waiting`, `active`, `used`, `expired` or `left`.
  var state: String
  /// People still waiting ahead plus one, while waiting.
  var position: Int?
  var ahead: Int?
  var waitingCount: Int
  var admittedLastMinute: Int
  /// One number for the wait (the middle of a range); null when not known or paused.
  var estimatedWaitSeconds: Double?
  /// `about`, `range`, `not_known_yet` or `paused`.
  var wait: String
  var estimatedWaitMinSeconds: Double?
  var estimatedWaitMaxSeconds: Double?
  var paused: Bool
  /// How long the place is kept without checking: the line's grace rule.
  var placeKeptSeconds: Double
  var activeUntil: Date?
  /// When the line let this token in: the end of the wait.
  var admittedAt: Date?
  var opensAt: Date?
  var issuedAt: Date

  init(_ status: QueueStatus) {
    concert = status.token.concertID.rawValue
    token = status.token.value.rawValue
    waitingCount = status.waitingCount
    admittedLastMinute = status.admittedLastMinute
    estimatedWaitSeconds = status.estimatedWait.map { $0.rounded() }
    paused = status.isPaused
    placeKeptSeconds = status.placeKeptFor
    switch status.wait {
    case .about: wait = "about"
    case .between(let low, let high):
      wait = "range"
      estimatedWaitMinSeconds = low.rounded()
      estimatedWaitMaxSeconds = high.rounded()
    case .notKnownYet: wait = "not_known_yet"
    case .paused: wait = "paused"
    }
    issuedAt = status.token.issuedAt
    admittedAt = status.admittedAt
    switch status.state {
    case .beforeOpening(let opens):
      state = "before_opening"
      opensAt = opens
    case .waiting(let position, let ahead):
      state = "waiting"
      self.position = position
      self.ahead = ahead
    case .active(let until):
      state = "active"
      activeUntil = until
    case .used: state = "used"
    case .expired: state = "expired"
    case .left: state = "left"
    }
  }

  private enum CodingKeys: String, CodingKey {
    case concert, token, state, position, ahead, waitingCount, admittedLastMinute
    case estimatedWaitSeconds, wait, estimatedWaitMinSeconds, estimatedWaitMaxSeconds, paused
    case placeKeptSeconds, activeUntil, admittedAt, opensAt, issuedAt
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(concert, forKey: .concert)
    try container.encode(token, forKey: .token)
    try container.encode(state, forKey: .state)
    try container.encode(position, forKey: .position)
    try container.encode(ahead, forKey: .ahead)
    try container.encode(waitingCount, forKey: .waitingCount)
    try container.encode(admittedLastMinute, forKey: .admittedLastMinute)
    try container.encode(estimatedWaitSeconds, forKey: .estimatedWaitSeconds)
    try container.encode(wait, forKey: .wait)
    try container.encode(estimatedWaitMinSeconds, forKey: .estimatedWaitMinSeconds)
    try container.encode(estimatedWaitMaxSeconds, forKey: .estimatedWaitMaxSeconds)
    try container.encode(paused, forKey: .paused)
    try container.encode(placeKeptSeconds, forKey: .placeKeptSeconds)
    try container.encode(activeUntil, forKey: .activeUntil)
    try container.encode(admittedAt, forKey: .admittedAt)
    try container.encode(opensAt, forKey: .opensAt)
    try container.encode(issuedAt, forKey: .issuedAt)
  }
}
