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
  /// How long claimed turns last, averaged over the last few dozen that ended (ms).
  var turnMean: Double?
  /// The share of admitted users who never claim (each holds a slot a claim window).
  var lapseShare: Double?
  var flowAt: Int64?
  /// When the first person was let in: until enough flow is seen there is no ETA.
  var flowSince: Int64?
  /// The arrival number of the last person let in.
  var frontSeq: Int64
  var sweptAt: Int64
  var policy: QueuePolicy

  /// The rate's memory: admissions older than about two minutes fade out.
  static let flowWindow: Double = 120
  /// Each turn that ends (or is claimed, or lapses) moves the averages this share of
  /// the way to what it showed.
  static let turnWeight = BookingSQL.turnWeight
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
        turnMean: row["turn_mean_ms"], lapseShare: row["lapse_share"], flowAt: row["flow_at"],
        flowSince: row["flow_since"],
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

  /// How long until the arrival number `seq` is let in.
  ///
  /// The pace comes from the line's rules: the admission rate, and while every slot is
  /// taken (`full`), the number of slots over how long turns last (Little's law) —
  /// steady where the observed admissions come in waves, as they do when a full line's
  /// turns end together. A slot
  /// is held a claim window by those who never claim, and the claimed turns' mean by
  /// the others. Each
  /// admission moves the front past the people who left before their turn as well, so
  /// the pace in arrival numbers is the admission pace times how far the front moved per
  /// admission lately. When the front's observed pace strays from that by more than a
  /// fifth, the answer is a range as wide as the stray; past three fifths it is not
  /// known yet, as it is before any flow (or any ended turn, for a capacity) is seen.
  func estimate(for seq: Int64, at now: Int64, full: Bool) -> QueueStatus.WaitEstimate {
    if paused { return .paused }
    guard let admitted = rate(of: flow, window: Self.flowWindow, at: now),
      let observed = rate(of: seqFlow, window: Self.flowWindow, at: now), admitted > 0
    else { return .notKnownYet }
    var pace = policy.admissionsPerMinute.map { Double($0) / 60 } ?? admitted
    if let capacity = policy.activeCapacity, full {
      guard let turnMean else { return .notKnownYet }
      let lapses = lapseShare ?? 0
      let turn = (1 - lapses) * turnMean + lapses * policy.claimWindow * 1000
      guard turn > 0 else { return .notKnownYet }
      pace = min(pace, Double(capacity) / (turn / 1000))
    }
    let velocity = pace * observed / admitted
    guard velocity > 0 else { return .notKnownYet }
    let wait = Double(max(1, seq - frontSeq)) / velocity
    let spread = abs(velocity - observed) / max(velocity, observed)
    if spread > 0.6 { return .notKnownYet }
    if spread > 0.2 { return .between(wait * (1 - spread), wait * (1 + spread)) }
    return .about(wait)
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
    let flows = QueueRules.flows(line, admitted: count, front: front, now: now)
    try db.run(
      sql: """
        UPDATE queue_line SET flow = ?, seq_flow = ?, flow_at = ?,
          flow_since = COALESCE(flow_since, ?), front_seq = MAX(front_seq, ?)
        WHERE concert_id = ?
        """,
      arguments: [flows.flow, flows.seqFlow, now, now, front, line.concertID.rawValue])
  }

  /// Records what became of turns: `claims` were claimed, `lapses` never were, and
  /// claimed turns that ended lasted `lengths` (milliseconds).
  static func recordTurns(
    _ db: Database, _ concert: ConcertID, claims: Int = 0, lapses: Int = 0, lengths: [Int64] = []
  ) throws {
    guard claims + lapses + lengths.count > 0,
      let row = try db.fetchRow(
        sql: "SELECT turn_mean_ms, lapse_share FROM queue_line WHERE concert_id = ?",
        arguments: [concert.rawValue])
    else { return }
    let averages = QueueRules.turnAverages(
      mean: row[0], lapseShare: row[1], claims: claims, lapses: lapses, lengths: lengths)
    try db.run(
      sql: "UPDATE queue_line SET turn_mean_ms = ?, lapse_share = ? WHERE concert_id = ?",
      arguments: [averages.mean, averages.lapseShare, concert.rawValue])
  }
}
