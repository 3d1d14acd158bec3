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
  /// How far the front of the line (the last arrival number let in) has moved, decayed
  /// like `flow`: it counts the people let in and those who left before their turn.
  var seqFlow: Double
  /// The same with the short time constant `quickWindow`, to see the pace change.
  var quickFlow: Double
  var flowAt: Int64?
  /// When the first person was let in: until enough flow is seen there is no ETA.
  var flowSince: Int64?
  /// The arrival number of the last person let in.
  var frontSeq: Int64
  var sweptAt: Int64
  var policy: QueuePolicy

  /// The rate's memory: admissions older than about a minute fade out.
  static let flowWindow: Double = 60
  /// The short memory that shows whether the pace is steady.
  static let quickWindow: Double = 15
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
        waitingCount: row["waiting_count"], flow: row["flow"], seqFlow: row["seq_flow"],
        quickFlow: row["quick_flow"], flowAt: row["flow_at"], flowSince: row["flow_since"],
        frontSeq: row["front_seq"], sweptAt: row["swept_at"],
        policy: QueuePolicy(
          activeCapacity: row["active_capacity"], admissionsPerMinute: row["admissions_per_minute"],
          activeIdleTimeout: seconds(row["active_idle_ms"]),
          waitingGracePeriod: seconds(row["waiting_grace_ms"]),
          claimWindow: seconds(row["claim_window_ms"]),
          longestTurn: seconds(row["longest_turn_ms"])))
    }
  }

  private static func seconds(_ millis: Int64) -> TimeInterval { Double(millis) / 1000 }

  /// The line of `concert`, made on first use with the default rules; it is open at once
  /// unless the sale opens later.
  static func ensure(_ db: Database, _ concert: ConcertID, context: StoreContext) throws
    -> QueueLine
  {
    let defaults = QueuePolicy(context.policy)
    try db.run(
      sql: """
        INSERT OR IGNORE INTO queue_line
          (concert_id, opened, active_capacity, admissions_per_minute, active_idle_ms,
           waiting_grace_ms, claim_window_ms, longest_turn_ms)
        SELECT id, sale_opens_at IS NULL OR sale_opens_at <= ?, ?, ?, ?, ?, ?, ?
        FROM concert WHERE id = ?
        """,
      arguments: [
        context.now, defaults.activeCapacity, defaults.admissionsPerMinute,
        defaults.activeIdleTimeout.millis, defaults.waitingGracePeriod.millis,
        defaults.claimWindow.millis, defaults.longestTurn.millis, concert.rawValue,
      ])
    guard let line = try fetch(db, concert) else { throw BookingError.unknownConcert(concert) }
    return line
  }

  /// People let in per second lately, or nil while too little flow has been seen.
  func ratePerSecond(at now: Int64) -> Double? {
    rate(of: flow, window: Self.flowWindow, at: now)
  }

  /// How long until the arrival number `seq` is let in, from how fast the front moves.
  ///
  /// The front's pace counts the people who leave before their turn as well as those
  /// let in, so the gap to the front needs no guess at how many ahead will give up.
  /// When the last quarter minute's pace differs from the last minute's, the answer is
  /// the range between the two; when they differ threefold, or nothing moves, it is
  /// not known yet.
  func estimate(for seq: Int64, at now: Int64) -> QueueStatus.WaitEstimate {
    if paused { return .paused }
    guard let slow = rate(of: seqFlow, window: Self.flowWindow, at: now),
      let quick = rate(of: quickFlow, window: Self.quickWindow, at: now), slow > 0, quick > 0
    else { return .notKnownYet }
    let gap = Double(max(1, seq - frontSeq))
    let waits = [gap / slow, gap / quick].sorted()
    if waits[1] > 3 * waits[0] { return .notKnownYet }
    if waits[1] > 1.25 * waits[0] { return .between(waits[0], waits[1]) }
    return .about(gap / slow)
  }

  /// A decayed count per second, once the flow has been watched for `warmUp`.
  private func rate(of count: Double, window: Double, at now: Int64) -> Double? {
    guard let flowAt, let flowSince, now - flowSince >= Self.warmUp else { return nil }
    let decayed = count * exp(-Double(now - flowAt) / 1000 / window)
    // Early on the window is not full yet: divide by the part of it that has passed.
    let observed = window * (1 - exp(-Double(now - flowSince) / 1000 / window))
    return decayed / observed
  }

  /// Replaces the line's rules.
  static func setPolicy(_ db: Database, _ concert: ConcertID, _ policy: QueuePolicy) throws {
    try db.run(
      sql: """
        UPDATE queue_line SET active_capacity = ?, admissions_per_minute = ?, active_idle_ms = ?,
          waiting_grace_ms = ?, claim_window_ms = ?, longest_turn_ms = ?
        WHERE concert_id = ?
        """,
      arguments: [
        policy.activeCapacity, policy.admissionsPerMinute, policy.activeIdleTimeout.millis,
        policy.waitingGracePeriod.millis, policy.claimWindow.millis, policy.longestTurn.millis,
        concert.rawValue,
      ])
  }

  /// Records admissions at `now` up to the arrival number `front`.
  static func recordAdmissions(
    _ db: Database, _ line: QueueLine, count: Int, front: Int64, now: Int64
  ) throws {
    func decayed(_ value: Double, _ window: Double) -> Double {
      line.flowAt.map { value * exp(-Double(now - $0) / 1000 / window) } ?? 0
    }
    let moved = Double(max(0, front - line.frontSeq))
    try db.run(
      sql: """
        UPDATE queue_line SET flow = ?, seq_flow = ?, quick_flow = ?, flow_at = ?,
          flow_since = COALESCE(flow_since, ?), front_seq = MAX(front_seq, ?)
        WHERE concert_id = ?
        """,
      arguments: [
        decayed(line.flow, flowWindow) + Double(count),
        decayed(line.seqFlow, flowWindow) + moved,
        decayed(line.quickFlow, quickWindow) + moved, now, now, front,
        line.concertID.rawValue,
      ])
  }
}
