import Foundation
import GRDB

/// One concert's line: its counters, its switches, and how fast it has been moving.
struct QueueLine: Sendable {
  var concertID: ConcertID
  var opensAt: Int64?
  var opened: Bool
  var paused: Bool
  var waitingCount: Int
  /// Admissions, exponentially decayed with time constant `flowWindow` (an EWMA count).
  var flow: Double
  var flowAt: Int64?
  /// When the first person was let in: until enough flow is seen there is no ETA.
  var flowSince: Int64?
  var sweptAt: Int64
  var policy: QueuePolicy

  /// The rate's memory: admissions older than about a minute fade out.
  static let flowWindow: Double = 60
  /// No ETA until people have been let in for this long.
  static let warmUp: Int64 = 10_000

  static func fetch(_ db: Database, _ concert: ConcertID) throws -> QueueLine? {
    try db.fetchRow(
      sql: """
        SELECT l.*, c.sale_opens_at FROM queue_line l JOIN concert c ON c.id = l.concert_id
        WHERE l.concert_id = ?
        """,
      arguments: [concert.rawValue]
    ).map { row in
      QueueLine(
        concertID: concert, opensAt: row["sale_opens_at"], opened: row["opened"],
        paused: row["paused"],
        waitingCount: row["waiting_count"], flow: row["flow"], flowAt: row["flow_at"],
        flowSince: row["flow_since"], sweptAt: row["swept_at"],
        policy: QueuePolicy(
          activeCapacity: row["active_capacity"], admissionsPerMinute: row["admissions_per_minute"],
          activeIdleTimeout: Double(row["active_idle_ms"] as Int64) / 1000,
          waitingGracePeriod: Double(row["waiting_grace_ms"] as Int64) / 1000))
    }
  }

  /// The line of `concert`, made on first use with the default rules; it is open at once
  /// unless the sale opens later.
  static func ensure(_ db: Database, _ concert: ConcertID, context: StoreContext) throws
    -> QueueLine
  {
    let defaults = context.policy
    try db.run(
      sql: """
        INSERT OR IGNORE INTO queue_line
          (concert_id, opened, active_capacity, admissions_per_minute, active_idle_ms, waiting_grace_ms)
        SELECT id, sale_opens_at IS NULL OR sale_opens_at <= ?, ?, ?, ?, ? FROM concert WHERE id = ?
        """,
      arguments: [
        context.now, defaults.activeCapacity, defaults.admissionsPerMinute,
        defaults.activeIdleTimeout.millis, defaults.waitingGracePeriod.millis, concert.rawValue,
      ])
    guard let line = try fetch(db, concert) else { throw BookingError.unknownConcert(concert) }
    return line
  }

  /// People let in per second lately, or nil while too little flow has been seen.
  func ratePerSecond(at now: Int64) -> Double? {
    guard let flowAt, let flowSince, now - flowSince >= Self.warmUp else { return nil }
    let decayed = flow * exp(-Double(now - flowAt) / 1000 / Self.flowWindow)
    // Early on the window is not full yet: divide by the part of it that has passed.
    let observed = Self.flowWindow * (1 - exp(-Double(now - flowSince) / 1000 / Self.flowWindow))
    return decayed / observed
  }

  /// Replaces the line's rules.
  static func setPolicy(_ db: Database, _ concert: ConcertID, _ policy: QueuePolicy) throws {
    try db.run(
      sql: """
        UPDATE queue_line SET active_capacity = ?, admissions_per_minute = ?, active_idle_ms = ?,
          waiting_grace_ms = ?
        WHERE concert_id = ?
        """,
      arguments: [
        policy.activeCapacity, policy.admissionsPerMinute, policy.activeIdleTimeout.millis,
        policy.waitingGracePeriod.millis, concert.rawValue,
      ])
  }

  /// Records `count` admissions at `now`.
  static func recordAdmissions(_ db: Database, _ line: QueueLine, count: Int, now: Int64) throws {
    let decayed = line.flowAt.map { line.flow * exp(-Double(now - $0) / 1000 / flowWindow) } ?? 0
    try db.run(
      sql: """
        UPDATE queue_line SET flow = ?, flow_at = ?, flow_since = COALESCE(flow_since, ?)
        WHERE concert_id = ?
        """,
      arguments: [decayed + Double(count), now, now, line.concertID.rawValue])
  }
}
