import Foundation

/// An operator's picture of one concert's sale: its line and its dates, read on a
/// snapshot. Keep it live with ``BookingEngine/refresh(_:)``.
public struct BoxOffice: Sendable, Hashable {
  /// How the line stands.
  public struct Line: Sendable, Hashable {
    /// The rules it admits by.
    public var rules: QueuePolicy
    public var isPaused: Bool
    /// Whether the sale has opened (before, arrivals wait unnumbered).
    public var isOpen: Bool
    public var waiting: Int
    /// Turns running now (admitted and not yet ended by the rules).
    public var active: Int
    /// People let in during each of the last ten minutes, oldest first; the last entry
    /// is the minute up to now.
    public var admittedPerMinute: [Int]
    /// What a person joining now would be told.
    public var estimateForNewcomer: QueueStatus.WaitEstimate
    /// Turns let in and never claimed within the claim window, since the line began.
    public var claimWindowLosses: Int
    /// Waiters who left or were swept out for not polling, since the line began.
    public var leftOrSwept: Int
    /// Turns that ended with a payment, since the line began.
    public var paid: Int

    public init(
      rules: QueuePolicy, isPaused: Bool, isOpen: Bool, waiting: Int, active: Int,
      admittedPerMinute: [Int], estimateForNewcomer: QueueStatus.WaitEstimate,
      claimWindowLosses: Int, leftOrSwept: Int, paid: Int
    ) {
      self.rules = rules
      self.isPaused = isPaused
      self.isOpen = isOpen
      self.waiting = waiting
      self.active = active
      self.admittedPerMinute = admittedPerMinute
      self.estimateForNewcomer = estimateForNewcomer
      self.claimWindowLosses = claimWindowLosses
      self.leftOrSwept = leftOrSwept
      self.paid = paid
    }
  }

  /// One date's sale.
  public struct DateSales: Sendable, Hashable {
    public var date: ConcertDate
    public var sold: Int
    /// Of `sold`, the seats the venue sold itself (the box office): not paid in points,
    /// so not in `revenue`.
    public var soldAtBoxOffice: Int
    /// Seats in a hold that has not run out.
    public var held: Int
    public var free: Int
    /// What the seats sold online brought in (box-office sales are not paid in points).
    public var revenue: Int64
    /// Holds that run out within ``BoxOffice/expiringWindow``.
    public var holdsExpiringSoon: Int
    /// When the first live hold of the date runs out.
    public var nextHoldEnd: Date?

    public init(
      date: ConcertDate, sold: Int, soldAtBoxOffice: Int = 0, held: Int, free: Int, revenue: Int64,
      holdsExpiringSoon: Int, nextHoldEnd: Date?
    ) {
      self.date = date
      self.sold = sold
      self.soldAtBoxOffice = soldAtBoxOffice
      self.held = held
      self.free = free
      self.revenue = revenue
      self.holdsExpiringSoon = holdsExpiringSoon
      self.nextHoldEnd = nextHoldEnd
    }
  }

  /// A hold "about to expire" runs out within this many seconds.
  public static let expiringWindow: TimeInterval = 60
  /// The view is read again at least this often, as time alone moves its numbers.
  public static let longestStaleness: TimeInterval = 5

  public var concert: Concert
  public var line: Line
  public var dates: [DateSales]
  /// The viewer, and whether the engine lets them change the rules.
  public var viewer: UserID
  public var viewerMayAct: Bool
  /// How many names are on the operator list (0: the sale is open to whoever can write
  /// the file).
  public var operatorCount: Int
  public var readAt: Date
  /// What the change check compares; opaque outside the engine.
  public var stamp: BoxOfficeStamp

  /// Every date's revenue.
  public var revenue: Int64 { dates.reduce(0) { $0 + $1.revenue } }

  /// Every date's seats sold at the box office.
  public var soldAtBoxOffice: Int { dates.reduce(0) { $0 + $1.soldAtBoxOffice } }
}

/// The cheap fingerprint of a box office: if a fresh one equals it and nothing is due by
/// time, nothing the view shows has changed.
public struct BoxOfficeStamp: Sendable, Hashable {
  /// The line's row (counters, switches, rules), the active tokens, the dates' seat
  /// versions and the operator list, as read.
  var fingerprint: [Int64]
  /// When time alone changes something shown (a hold runs out or comes near to, the
  /// minute turns): read again then even if nothing was written.
  var dueAt: Int64
}
