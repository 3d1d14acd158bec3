import Foundation

/// How one concert's line lets people in. It lives in the database with the line,
/// so every process admits by the same rules.
///
/// For example:
///
/// ```swift
/// var rules = QueuePolicy(BookingPolicy())
/// rules.admissionsPerMinute = 600
/// try await engine.setQueuePolicy(rules, concert: "aurora")
/// ```
public struct QueuePolicy: Sendable, Hashable, Codable {
  /// At most this many active at once (nil: no limit).
  public var activeCapacity: Int?
  /// At most this many let in per minute (nil: no limit).
  public var admissionsPerMinute: Int?
  /// A claimed turn with no booking call for this long ends, freeing its slot.
  public var activeIdleTimeout: TimeInterval
  /// A waiter not heard from for this long leaves the line.
  public var waitingGracePeriod: TimeInterval
  /// An admitted user who makes no booking call this soon after admission loses the turn.
  public var claimWindow: TimeInterval
  /// No turn lasts longer than this from admission, however busy the user is.
  public var longestTurn: TimeInterval

  public init(
    activeCapacity: Int?, admissionsPerMinute: Int?, activeIdleTimeout: TimeInterval,
    waitingGracePeriod: TimeInterval, claimWindow: TimeInterval = 60,
    longestTurn: TimeInterval = 20 * 60
  ) {
    self.activeCapacity = activeCapacity
    self.admissionsPerMinute = admissionsPerMinute
    self.activeIdleTimeout = activeIdleTimeout
    self.waitingGracePeriod = waitingGracePeriod
    self.claimWindow = claimWindow
    self.longestTurn = longestTurn
  }

  /// The defaults a booking policy gives a new line.
  public init(_ policy: BookingPolicy) {
    self.init(
      activeCapacity: policy.activeCapacity, admissionsPerMinute: policy.admissionsPerMinute,
      activeIdleTimeout: policy.activeIdleTimeout, waitingGracePeriod: policy.waitingGracePeriod,
      claimWindow: policy.claimWindow, longestTurn: policy.longestTurn)
  }
}
