import Foundation
import GRDB

/// One concert's line: its counters, its switches, and how fast it has been moving.
struct QueueLine: Sendable {
  var concertID: ConcertID
  var opensAt: Int64?
  var opened: Bool
  var paused: Bool
  var waitingCount: Int
  /// Admissions of people who waited (``QueueRules/waited(joinedAt:admittedAt:)``),
  /// exponentially decayed with time constant `flowWindow` (an EWMA count).
  var flow: Double
  /// How far the front of the line (the last arrival number let in) has moved, decayed
  /// like `flow`: it counts the people let in and those who left before their turn.
  var seqFlow: Double
  /// How long claimed turns last, averaged over the last few dozen that ended (ms).
  var turnMean: Double?
  /// The share of admitted users who never claim (each holds a slot a claim window).
  var lapseShare: Double?
  var flowAt: Int64?
  /// When the first person who waited was let in: until enough flow is seen there is
  /// no ETA.
  var flowSince: Int64?
  /// The arrival number of the last person let in.
  var frontSeq: Int64
  var sweptAt: Int64
  var policy: QueuePolicy
  /// The arrival number the next person to join gets.
  var nextSeq: Int64 = 1
  /// When the last person let in (arrival number `frontSeq`) joined.
  var frontJoinedAt: Int64? = nil
  /// How long after joining the grace sweep took out those who walked away (ms),
  /// averaged over the last hundred or so.
  var sweepAge: Double? = nil
  /// Claims of turns, decayed like `flow`: those present claim within seconds of being
  /// let in, so the part of `flow` not matched here is the share who never claim.
  var claimFlow: Double = 0

  /// The rate's memory: admissions older than about two minutes fade out.
  static let flowWindow: Double = 120
  /// Each turn that ends (or is claimed, or lapses) moves the averages this share of
  /// the way to what it showed.
  static let turnWeight = BookingSQL.turnWeight
  /// How long after being let in a person who is there has claimed the turn: a poll or
  /// two (the app claims at once).
  static let claimLag: Double = 2
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
          longestTurn: seconds(row["longest_turn_ms"])),
        nextSeq: row["next_seq"], frontJoinedAt: row["front_joined_at"],
        sweepAge: row["sweep_age_ms"], claimFlow: row["claim_flow"])
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
  /// Each arrival number ahead costs the front some time: a person who takes the turn
  /// one admission at the line's rate, or, while every slot is taken (`full`), a slot for
  /// the claimed turns' mean length (Little's law: steady where the observed admissions
  /// come in waves, as they do when a full line's turns end together). Of those ahead, a
  /// share have walked away — the share the front has lately found gone, either swept
  /// out or let in and never claimed. A walk-away costs nothing if the grace sweep takes
  /// them out before the front reaches them, and a whole admission (a slot for the
  /// claim window) if not. Walk-aways are swept about `sweepAge` after joining, so while
  /// the front's own wait is shorter than that, the nearest ones still reach it; further
  /// back, the front falls behind the sweep and they are skipped. When the front's
  /// observed pace strays from the modelled one by more than a fifth, the answer is a
  /// range as wide as the stray; past three fifths it is not known yet, as it is before
  /// any flow (or any ended turn, for a capacity) is seen.
  func estimate(for seq: Int64, at now: Int64, full: Bool) -> QueueStatus.WaitEstimate {
    if paused { return .paused }
    guard let admitted = rate(of: flow, window: Self.flowWindow, at: now),
      let observed = rate(of: seqFlow, window: Self.flowWindow, at: now), admitted > 0,
      observed > 0
    else { return .notKnownYet }
    // The share let in who never claim: seen within seconds in the claims (less those
    // let in too lately to have claimed yet), and a claim window later in the lapses.
    let claims = rate(of: claimFlow, window: Self.flowWindow, at: now) ?? 0
    let lately = Self.claimLag / watched(at: now)
    let lapses = min(0.9, max(lapseShare ?? 0, 1 - claims / admitted - lately))
    let gone = min(0.95, max(0, 1 - admitted / observed * (1 - lapses)))
    // Seconds of the front's time per arrival number while walk-aways still reach the
    // front, and once the sweep takes them first. Each admission takes one step of the
    // rate rule (or of the admissions seen, without one). While every slot is taken,
    // the slots set the pace if slower: a claimed turn holds one for the claimed turns'
    // mean — or, on a line with no rate rule, for what the admissions seen say, less the
    // lapses among them, if longer (turns that idle to the timeout) — and a walk-away
    // let in holds one for the claim window.
    let rule = policy.admissionsPerMinute.map { 60 / Double($0) }
    let step = rule ?? 1 / admitted
    var reaching = step
    var skipping = (1 - gone) * step
    if let capacity = policy.activeCapacity, full {
      guard let turnMean, turnMean > 0 else { return .notKnownYet }
      let window = policy.claimWindow / Double(capacity)
      var slot = turnMean / 1000 / Double(capacity)
      if rule == nil { slot = max(slot, (1 / admitted - lapses * window) / (1 - lapses)) }
      reaching = max(rule ?? 0, (1 - gone) * slot + gone * window)
      skipping = (1 - gone) * max(rule ?? 0, slot)
    }
    guard reaching.isFinite, skipping.isFinite, skipping > 0 else { return .notKnownYet }
    let ahead = Double(max(1, seq - frontSeq))
    let reached = reachedBeforeSweep(at: now, secondsEach: reaching)
    let wait = reaching * min(ahead, reached) + skipping * max(0, ahead - reached)
    let velocity = 1 / (reached > 0 ? reaching : skipping)
    let spread = abs(velocity - observed) / max(velocity, observed)
    if spread > 0.6 { return .notKnownYet }
    if spread > 0.2 { return .between(wait * (1 - spread), wait * (1 + spread)) }
    return .about(wait)
  }

  /// How many arrival numbers past the front the front reaches before the sweep takes
  /// out their walk-aways, when each costs it `secondsEach`. The person at arrival number
  /// `frontSeq + x` joined `x` arrival gaps after the front did and is swept `sweepAge`
  /// after that; the front gets there `x * secondsEach` from now.
  private func reachedBeforeSweep(at now: Int64, secondsEach: Double) -> Double {
    guard let frontJoinedAt else { return 0 }
    let stay =
      (sweepAge ?? Double(policy.waitingGracePeriod.millis + QueueRules.touchInterval(policy)))
      / 1000
    let frontWait = Double(now - frontJoinedAt) / 1000
    guard stay > frontWait else { return 0 }
    let arrivalGap = max(frontWait, 1) / Double(max(1, nextSeq - 1 - frontSeq))
    return secondsEach > arrivalGap ? (stay - frontWait) / (secondsEach - arrivalGap) : .infinity
  }

  /// A decayed count per second, once the flow has been watched for `warmUp`.
  private func rate(of count: Double, window: Double, at now: Int64) -> Double? {
    guard let flowAt, let flowSince, now - flowSince >= Self.warmUp else { return nil }
    let decayed = count * exp(-Double(now - flowAt) / 1000 / window)
    return decayed / watched(at: now)
  }

  /// How many seconds of flow the decayed counts hold: early on the window is not full
  /// yet, so only the part of it that has passed.
  private func watched(at now: Int64) -> Double {
    Self.flowWindow * (1 - exp(-Double(now - (flowSince ?? now)) / 1000 / Self.flowWindow))
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

  /// Records the admissions at `now` of the people at arrival numbers `admitted`.
  static func recordAdmissions(
    _ db: Database, _ line: QueueLine, admitted: [(seq: Int64, joinedAt: Int64)], now: Int64
  ) throws {
    let flows = QueueRules.flows(line, admitted: admitted, now: now)
    try db.run(
      sql: """
        UPDATE queue_line SET flow = ?, seq_flow = ?, claim_flow = ?, flow_at = ?,
          flow_since = ?, front_joined_at = ?, front_seq = ?
        WHERE concert_id = ?
        """,
      arguments: [
        flows.flow, flows.seqFlow, flows.claimFlow, now, flows.flowSince, flows.frontJoinedAt,
        flows.frontSeq, line.concertID.rawValue,
      ])
  }

  /// Records how long after joining the waiters just swept out were (milliseconds).
  static func recordSweep(_ db: Database, _ line: QueueLine, ages: [Int64]) throws {
    guard !ages.isEmpty else { return }
    try db.run(
      sql: "UPDATE queue_line SET sweep_age_ms = ? WHERE concert_id = ?",
      arguments: [QueueRules.sweepAge(line.sweepAge, ages: ages), line.concertID.rawValue])
  }

  /// Records what became of turns: `claims` were claimed, `lapses` never were, and
  /// claimed turns that ended lasted `lengths` (milliseconds).
  static func recordTurns(
    _ db: Database, _ concert: ConcertID, claims: Int = 0, lapses: Int = 0, lengths: [Int64] = [],
    now: Int64 = 0
  ) throws {
    guard claims + lapses + lengths.count > 0,
      let row = try db.fetchRow(
        sql:
          "SELECT turn_mean_ms, lapse_share, claim_flow, flow_at FROM queue_line WHERE concert_id = ?",
        arguments: [concert.rawValue])
    else { return }
    let averages = QueueRules.turnAverages(
      mean: row[0], lapseShare: row[1], claims: claims, lapses: lapses, lengths: lengths)
    let claimed = QueueRules.claimFlow(row[2], storedAt: row[3], claims: claims, now: now)
    try db.run(
      sql:
        "UPDATE queue_line SET turn_mean_ms = ?, lapse_share = ?, claim_flow = ? WHERE concert_id = ?",
      arguments: [averages.mean, averages.lapseShare, claimed, concert.rawValue])
  }
}
