import Foundation

/// The rules of a sale: how long holds last, how many may book at once, point limits.
///
/// The queue fields are the defaults of a concert's line when it is first used; from
/// then on the line keeps its own ``QueuePolicy`` in the database.
///
/// For example:
///
/// ```swift
/// var policy = BookingPolicy()
/// policy.holdDuration = 120
/// let engine = try BookingEngine.open(path: "encore.sqlite", policy: policy)
/// ```
public struct BookingPolicy: Sendable, Hashable {
  /// How long a hold keeps its seats.
  public var holdDuration: TimeInterval = 5 * 60
  /// At most this many active tokens per concert at once (nil: no limit).
  public var activeCapacity: Int? = 100
  /// At most this many admissions per concert per minute (nil: no limit).
  public var admissionsPerMinute: Int? = nil
  /// A claimed turn with no booking call for this long frees its slot.
  public var activeIdleTimeout: TimeInterval = 10 * 60
  /// An admitted user must make a booking call this soon, or the turn goes to the next.
  public var claimWindow: TimeInterval = 60
  /// No turn lasts longer than this from admission.
  public var longestTurn: TimeInterval = 20 * 60
  /// A waiting token not polled for this long leaves the line.
  public var waitingGracePeriod: TimeInterval = 5 * 60
  /// Seats one user may hold or own on one date.
  public var maxSeatsPerUser: Int = 4
  /// Largest single charge, in won.
  public var maxCharge: Int64 = 1_000_000
  /// Largest balance a user may have, in won.
  public var maxBalance: Int64 = 10_000_000

  public init() {}
}
