import Foundation
import GRDB

/// The waiting line in SQL: joining, admission in arrival order, expiry, the fair draw
/// at sale opening, and the check that a caller holds an active token.
///
/// A status poll is a read. It writes only when the line itself has something due —
/// the sale opens, someone is let in, the periodic sweep — or, twice per grace period,
/// to note that a waiter is still there; it never extends a turn. So thousands of
/// pollers do not queue for the write lock, and the line still advances by itself.
///
/// Turns end by the line's rules at the moment they are checked (see
/// ``TokenRow/turnEnds(_:)``): admission opens a claim window, the first booking call
/// claims the turn, each booking call extends it by the idle timeout, and no turn
/// outlasts the longest turn. A change of rules reaches running turns at once.
enum QueueStore {
  /// Puts the caller at the back of the line with a new token; a caller already in line
  /// keeps their place under a new token (only its digest is stored, so the old value
  /// cannot be given back), and the old one stops working.
  static func issue(
    _ db: Database, user: UserID, concert: ConcertID, context: StoreContext,
    newToken: () -> String
  ) throws -> TokenRow {
    guard try CatalogStore.concertExists(db, concert) else {
      throw BookingError.unknownConcert(concert)
    }
    let line = try advance(db, concert: concert, context: context)
    let token = newToken()
    if let live = try db.fetchRow(
      sql: """
        UPDATE queue_token SET token = ?
        WHERE concert_id = ? AND user_id = ? AND state IN ('waiting', 'active')
        RETURNING *
        """,
      arguments: [TokenDigest.of(token), concert.rawValue, user.rawValue]
    ).map({ TokenRow(row: $0, value: TokenValue(token)) }) {
      // Coming back is something the person does: it claims or extends an active turn.
      try touch(db, live, now: context.now)
      return live
    }
    var seq: Int64?
    if line.opened {
      seq = try db.fetchValue(
        Int64.self,
        sql:
          "UPDATE queue_line SET next_seq = next_seq + 1 WHERE concert_id = ? RETURNING next_seq - 1",
        arguments: [concert.rawValue])
    }
    try db.run(
      sql: """
        INSERT INTO queue_token (token, concert_id, user_id, seq, state, issued_at, last_seen_at, ahead_at_join)
        VALUES (?, ?, ?, ?, 'waiting', ?, ?, ?)
        """,
      arguments: [
        TokenDigest.of(token), concert.rawValue, user.rawValue, seq, context.now, context.now,
        line.waitingCount,
      ])
    if let seq {
      try QueueIndex.add(db, concert: concert, seqs: [seq], delta: 1)
      try admit(db, concert: concert, now: context.now)
    }
    let row = try TokenRow.fetch(db, token: token)!
    // Let in at once: the person is here, so the turn is claimed.
    if row.state == .active { try touch(db, row, now: context.now) }
    return row
  }

  /// What a poll read without the write lock found.
  enum Peek {
    /// Nothing to write: the answer.
    case answered(QueueStatus)
    /// The answer, once ``noteWaiter(_:token:now:)`` has noted the waiter (by the
    /// token's stored digest).
    case waiterToNote(QueueStatus, digest: String)
    /// The line has work to do first: ``status(_:token:user:context:)``.
    case lineWorkDue
  }

  /// Where a token stands, read without the write lock.
  static func peekStatus(
    _ db: Database, token: String, user: UserID, context: StoreContext
  ) throws -> Peek {
    let row = try owned(db, token: token, user: user)
    guard let line = try QueueLine.fetch(db, row.concertID),
      try !lineWorkIsDue(db, line: line, now: context.now)
    else { return .lineWorkDue }
    let status = try status(db, row: row, line: line, now: context.now)
    return QueueRules.touchIsDue(row, line: line, now: context.now)
      ? .waiterToNote(status, digest: row.token) : .answered(status)
  }

  /// Notes that a waiter far back is still there, and nothing else; false if the token
  /// no longer waits (let in or swept since it was read).
  static func noteWaiter(_ db: Database, token digest: String, now: Int64) throws -> Bool {
    try db.execute(
      sql: "UPDATE queue_token SET last_seen_at = ? WHERE token = ? AND state = 'waiting'",
      arguments: [now, digest])
    return db.changesCount == 1
  }

  /// Where a token stands, after letting people in if there is room.
  static func status(
    _ db: Database, token: String, user: UserID, context: StoreContext
  ) throws -> QueueStatus {
    let row = try owned(db, token: token, user: user)
    let line = try advance(db, concert: row.concertID, context: context)
    let current = try TokenRow.fetch(db, token: token)!
    // The touch only notes the waiter is still there: nothing the status shows changes.
    if current.state == .waiting { try touch(db, current, now: context.now) }
    return try status(db, row: current, line: line, now: context.now)
  }

  /// Claims the caller's turn if it has just been let in (a booking call without a booking).
  static func claim(_ db: Database, token: String, user: UserID, context: StoreContext) throws
    -> QueueStatus
  {
    let row = try owned(db, token: token, user: user)
    try authorize(db, token: token, user: user, concert: row.concertID, context: context)
    return try status(db, token: token, user: user, context: context)
  }

  /// Checks, without writing, that `token` is the caller's active token for `concert`:
  /// what a refresh needs. It neither claims nor extends the turn.
  static func checkActive(
    _ db: Database, token: String, user: UserID, concert: ConcertID, context: StoreContext
  ) throws {
    let row = try owned(db, token: token, user: user)
    guard row.concertID == concert else {
      throw BookingError.tokenForAnotherConcert(row.concertID)
    }
    guard let line = try QueueLine.fetch(db, concert) else { throw BookingError.unknownToken }
    try requireActive(db, row, line: line, now: context.now)
  }

  /// Checks that `token` is the caller's active token for `concert`: a booking call, which
  /// claims the turn and extends it.
  @discardableResult
  static func authorize(
    _ db: Database, token: String, user: UserID, concert: ConcertID, context: StoreContext
  ) throws -> TokenRow {
    let row = try owned(db, token: token, user: user)
    guard row.concertID == concert else {
      throw BookingError.tokenForAnotherConcert(row.concertID)
    }
    // The hot path: an active token in use needs no look at the rest of the line.
    if row.state == .active, let line = try QueueLine.fetch(db, concert),
      let ends = row.turnEnds(line.policy), ends > context.now
    {
      try touch(db, row, now: context.now)
      return row
    }
    let line = try advance(db, concert: concert, context: context)
    let current = try TokenRow.fetch(db, token: token)!
    try requireActive(db, current, line: line, now: context.now)
    try touch(db, current, now: context.now)
    return current
  }

  /// Throws why `row` may not book now, if it may not.
  private static func requireActive(_ db: Database, _ row: TokenRow, line: QueueLine, now: Int64)
    throws
  {
    if let refusal = QueueRules.refusal(
      row, line: line, now: now, ahead: try ahead(db, row))
    {
      throw refusal
    }
  }

  /// Leaves the line (or gives up an active turn) at once, freeing the place for others.
  static func leave(_ db: Database, token: String, user: UserID, context: StoreContext) throws {
    let row = try owned(db, token: token, user: user)
    switch row.state {
    case .waiting:
      try db.run(
        sql: "UPDATE queue_token SET state = 'left' WHERE token = ?", arguments: [row.token])
      if let seq = row.seq {
        try QueueIndex.add(db, concert: row.concertID, seqs: [seq], delta: -1)
      }
    case .active:
      try db.run(
        sql: "UPDATE queue_token SET state = 'expired' WHERE token = ?", arguments: [row.token])
      // A turn already over by the rules ended then, not now.
      let rules = try QueueLine.fetch(db, row.concertID)?.policy
      let ended = QueueRules.leftTurnEnded(row, rules: rules, now: context.now)
      try QueueLine.recordTurns(
        db, row.concertID, claims: QueueRules.claimedOnLeaving(row) ? 1 : 0,
        lengths: [ended - (row.admittedAt ?? ended)], now: context.now)
    case .used, .expired, .left: return
    }
    try admit(db, concert: row.concertID, now: context.now)
  }

  /// Marks a token (by its stored digest) used after a payment, freeing its slot.
  static func markUsed(_ db: Database, token: String) throws {
    // The payment's booking call has just touched the token: last seen is now.
    guard
      let row = try db.fetchRow(
        sql: """
          UPDATE queue_token SET state = 'used' WHERE token = ? AND state = 'active'
          RETURNING concert_id, last_seen_at - admitted_at
          """,
        arguments: [token])
    else { return }
    try QueueLine.recordTurns(db, ConcertID(row[0] as String), lengths: [row[1]])
  }

  /// Stops or restarts letting people in (an operator's switch).
  static func setPaused(_ db: Database, concert: ConcertID, paused: Bool, context: StoreContext)
    throws
  {
    _ = try QueueLine.ensure(db, concert, context: context)
    try db.run(
      sql: "UPDATE queue_line SET paused = ? WHERE concert_id = ?",
      arguments: [paused, concert.rawValue])
    if !paused { try admit(db, concert: concert, now: context.now) }
  }

  /// Replaces a line's rules, and lets people in if they now allow it.
  static func setPolicy(
    _ db: Database, concert: ConcertID, policy: QueuePolicy, context: StoreContext
  ) throws {
    _ = try QueueLine.ensure(db, concert, context: context)
    try QueueLine.setPolicy(db, concert, policy)
    try admit(db, concert: concert, now: context.now)
  }

  /// A line's rules (the defaults if nobody has joined it yet).
  static func policy(_ db: Database, concert: ConcertID, context: StoreContext) throws
    -> QueuePolicy
  {
    try QueueLine.fetch(db, concert)?.policy ?? QueuePolicy(context.policy)
  }

  // MARK: - Line mechanics

  private static func owned(_ db: Database, token: String, user: UserID) throws -> TokenRow {
    guard let row = try TokenRow.fetch(db, token: token) else { throw BookingError.unknownToken }
    guard row.user == user else { throw BookingError.tokenOfAnotherUser }
    return row
  }

  private static func status(_ db: Database, row: TokenRow, line: QueueLine, now: Int64) throws
    -> QueueStatus
  {
    QueueRules.status(
      row, line: line, now: now, ahead: try ahead(db, row),
      running: QueueRules.needsRunningTurns(row, line: line)
        ? try runningTurns(db, line: line, now: now) : nil)
  }

  /// The people waiting ahead of `row`, when what is shown of it needs them.
  private static func ahead(_ db: Database, _ row: TokenRow) throws -> Int? {
    guard QueueRules.needsPosition(row), let seq = row.seq else { return nil }
    return try QueueIndex.waitingBefore(db, concert: row.concertID, seq: seq)
  }

  /// Whether the line itself has something to do: open the sale, sweep, let people in.
  private static func lineWorkIsDue(_ db: Database, line: QueueLine, now: Int64) throws -> Bool {
    try QueueRules.lineWorkIsDue(line, now: now) ?? (admissionRoom(db, line: line, now: now) > 0)
  }

  /// The parameters of ``TokenRow/turnEndsSQL`` under `rules`.
  static func turnRules(_ rules: QueuePolicy) -> [any DatabaseValueConvertible] {
    [rules.claimWindow.millis, rules.activeIdleTimeout.millis, rules.longestTurn.millis]
  }

  /// Opens the sale if due, expires idle turns, drops waiters gone too long, admits.
  @discardableResult
  private static func advance(_ db: Database, concert: ConcertID, context: StoreContext) throws
    -> QueueLine
  {
    var line = try QueueLine.ensure(db, concert, context: context)
    if !line.opened && (line.opensAt ?? 0) <= context.now {
      try open(db, concert: concert, context: context)
    }
    let ended = try db.fetchRows(
      sql: """
        UPDATE queue_token SET state = 'expired'
        WHERE concert_id = ?4 AND state = 'active' AND \(TokenRow.turnEndsSQL) <= ?5
        RETURNING *
        """,
      arguments: StatementArguments(
        turnRules(line.policy) + [concert.rawValue, context.now])
    ).map { row in
      // As it was: RETURNING shows the row after the change.
      var turn = TokenRow(row: row, value: TokenValue(""))
      turn.state = .active
      return turn
    }
    // What became of each turn is worked out here, not in the RETURNING clause: there
    // SQLite evaluated `claimed_at IS NULL` as false for unclaimed rows, so every lapse
    // was counted as a claimed turn of a whole idle timeout.
    let outcome = QueueRules.endedTurns(ended, rules: line.policy)
    try QueueLine.recordTurns(db, concert, lapses: outcome.lapses, lengths: outcome.lengths)
    if context.now - line.sweptAt >= QueueRules.sweepInterval {
      let gone = try db.fetchRows(
        sql: """
          UPDATE queue_token SET state = 'left'
          WHERE concert_id = ? AND state = 'waiting' AND last_seen_at <= ? AND seq IS NOT NULL
          RETURNING seq, issued_at
          """,
        arguments: [concert.rawValue, QueueRules.sweepCutoff(line.policy, now: context.now)])
      try QueueIndex.add(db, concert: concert, seqs: gone.map { $0[0] }, delta: -1)
      try QueueLine.recordSweep(db, line, ages: gone.map { context.now - $0[1] })
      try db.run(
        sql: "UPDATE queue_line SET swept_at = ? WHERE concert_id = ?",
        arguments: [context.now, concert.rawValue])
    }
    try admit(db, concert: concert, now: context.now)
    line = try QueueLine.fetch(db, concert)!
    return line
  }

  /// The sale opens: everyone who joined before it gets a place in a random order, and
  /// their grace period starts now.
  private static func open(_ db: Database, concert: ConcertID, context: StoreContext) throws {
    let early = try db.fetchRows(
      sql: """
        SELECT token FROM queue_token WHERE concert_id = ? AND state = 'waiting' AND seq IS NULL
        ORDER BY rowid
        """,
      arguments: [concert.rawValue]
    ).map { $0["token"] as String }
    let first = try db.fetchValue(
      Int64.self,
      sql: """
        UPDATE queue_line SET next_seq = next_seq + ?, opened = 1 WHERE concert_id = ?
        RETURNING next_seq - ?
        """,
      arguments: [early.count, concert.rawValue, early.count])!
    var seqs: [Int64] = []
    for (offset, token) in context.random.shuffled(early).enumerated() {
      let seq = first + Int64(offset)
      try db.run(
        sql: "UPDATE queue_token SET seq = ?, ahead_at_join = ?, last_seen_at = ? WHERE token = ?",
        arguments: [seq, offset, context.now, token])
      seqs.append(seq)
    }
    try QueueIndex.add(db, concert: concert, seqs: seqs, delta: 1)
  }

  /// How many turns are running now.
  static func runningTurns(_ db: Database, line: QueueLine, now: Int64) throws -> Int {
    try db.fetchValue(
      Int.self,
      sql: """
        SELECT COUNT(*) FROM queue_token
        WHERE concert_id = ?4 AND state = 'active' AND \(TokenRow.turnEndsSQL) > ?5
        """,
      arguments: StatementArguments(turnRules(line.policy) + [line.concertID.rawValue, now]))!
  }

  /// How many more may be let in now, by capacity and by rate.
  private static func admissionRoom(_ db: Database, line: QueueLine, now: Int64) throws -> Int {
    let policy = line.policy
    return QueueRules.admissionRoom(
      policy,
      running: policy.activeCapacity == nil ? nil : try runningTurns(db, line: line, now: now),
      recent: try QueueRules.rateWindow(policy).map { window in
        try db.fetchValue(
          Int.self,
          sql: "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND admitted_at > ?",
          arguments: [line.concertID.rawValue, now - window.millis])!
      })
  }

  /// Lets the first waiters in, in arrival order, while capacity and rate allow.
  private static func admit(_ db: Database, concert: ConcertID, now: Int64) throws {
    guard let line = try QueueLine.fetch(db, concert), line.opened, !line.paused,
      line.waitingCount > 0
    else { return }
    let room = try admissionRoom(db, line: line, now: now)
    guard room > 0 else { return }
    let admitted = try db.fetchRows(
      sql: """
        UPDATE queue_token SET state = 'active', admitted_at = ?1, last_seen_at = ?1, claimed_at = NULL
        WHERE token IN (
          SELECT token FROM queue_token WHERE concert_id = ?2 AND state = 'waiting' AND seq IS NOT NULL
          ORDER BY seq LIMIT ?3)
        RETURNING seq, issued_at
        """,
      arguments: [now, concert.rawValue, room]
    ).map { (seq: $0[0] as Int64, joinedAt: $0[1] as Int64) }
    guard !admitted.isEmpty else { return }
    try QueueIndex.add(db, concert: concert, seqs: admitted.map(\.seq), delta: -1)
    try QueueLine.recordAdmissions(db, line, admitted: admitted, now: now)
  }

  /// Notes that the person did something: a waiter is still there; an active turn is
  /// claimed (if it was not) and its idle time starts again.
  private static func touch(_ db: Database, _ row: TokenRow, now: Int64) throws {
    if row.state == .active && row.claimedAt == nil
      && QueueRules.waited(joinedAt: row.issuedAt, admittedAt: row.admittedAt)
    {
      try QueueLine.recordTurns(db, row.concertID, claims: 1, now: now)
    }
    try db.run(
      sql: """
        UPDATE queue_token
        SET last_seen_at = ?1,
            claimed_at = CASE WHEN state = 'active' THEN COALESCE(claimed_at, ?1) END
        WHERE token = ?2
        """,
      arguments: [now, row.token])
  }
}
