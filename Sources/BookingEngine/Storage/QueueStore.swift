import Foundation
import GRDB

/// The waiting line in SQL: joining, admission in arrival order, expiry, the fair draw
/// at sale opening, and the check that a caller holds an active token.
///
/// A status poll is read-only unless something is due (admission, a sweep, a touch),
/// so thousands of pollers do not queue for the write lock.
enum QueueStore {
  /// How often a waiter's polls are written down (well inside the grace period).
  static func touchInterval(_ policy: QueuePolicy) -> Int64 {
    min(30_000, policy.waitingGracePeriod.millis / 4)
  }

  /// How often a line looks for waiters who stopped polling.
  static let sweepInterval: Int64 = 5_000

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
      try touch(db, live, line: line, now: context.now)
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
    return try TokenRow.fetch(db, token: token)!
  }

  /// Where a token stands, read without the write lock; nil when a write is due first.
  static func peekStatus(
    _ db: Database, token: String, user: UserID, context: StoreContext
  ) throws -> QueueStatus? {
    let row = try owned(db, token: token, user: user)
    guard let line = try QueueLine.fetch(db, row.concertID),
      try !writeIsDue(db, row: row, line: line, context: context)
    else { return nil }
    return try status(db, row: row, line: line, now: context.now)
  }

  /// Where a token stands, after letting people in if there is room.
  static func status(
    _ db: Database, token: String, user: UserID, context: StoreContext
  ) throws -> QueueStatus {
    let row = try owned(db, token: token, user: user)
    let line = try advance(db, concert: row.concertID, context: context)
    let current = try TokenRow.fetch(db, token: token)!
    // The touch only notes the waiter is still there: nothing the status shows changes.
    if current.state == .waiting { try touch(db, current, line: line, now: context.now) }
    return try status(db, row: current, line: line, now: context.now)
  }

  /// Checks that `token` is the caller's active token for `concert`, and keeps it alive.
  @discardableResult
  static func authorize(
    _ db: Database, token: String, user: UserID, concert: ConcertID, context: StoreContext
  ) throws -> TokenRow {
    let row = try owned(db, token: token, user: user)
    guard row.concertID == concert else {
      throw BookingError.tokenForAnotherConcert(row.concertID)
    }
    // The hot path: an active token in use needs no look at the rest of the line.
    if row.state == .active, let until = row.activeUntil, until > context.now,
      let line = try QueueLine.fetch(db, concert)
    {
      try touch(db, row, line: line, now: context.now)
      return row
    }
    let line = try advance(db, concert: concert, context: context)
    let current = try TokenRow.fetch(db, token: token)!
    switch current.state {
    case .waiting:
      guard let seq = current.seq else {
        throw BookingError.saleNotOpen(opensAt: Date(millis: line.opensAt ?? context.now))
      }
      let ahead = try QueueIndex.waitingBefore(db, concert: concert, seq: seq)
      throw BookingError.stillWaiting(position: ahead + 1)
    case .used: throw BookingError.tokenUsed
    case .expired: throw BookingError.tokenExpired
    case .left: throw BookingError.leftTheLine
    case .active:
      try touch(db, current, line: line, now: context.now)
      return current
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
    case .used, .expired, .left: return
    }
    try admit(db, concert: row.concertID, now: context.now)
  }

  /// Marks a token (by its stored digest) used after a payment, freeing its slot.
  static func markUsed(_ db: Database, token: String) throws {
    try db.run(
      sql: "UPDATE queue_token SET state = 'used' WHERE token = ? AND state = 'active'",
      arguments: [token])
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
    let state: QueueStatus.State
    var position: Int?
    switch row.state {
    case .waiting:
      if let seq = row.seq {
        let ahead = try QueueIndex.waitingBefore(db, concert: row.concertID, seq: seq)
        position = ahead + 1
        state = .waiting(position: ahead + 1, ahead: ahead)
      } else {
        state = .beforeOpening(opensAt: Date(millis: line.opensAt ?? now))
      }
    case .active: state = .active(until: Date(millis: row.activeUntil ?? now))
    case .used: state = .used
    case .expired: state = .expired
    case .left: state = .left
    }
    let rate = line.ratePerSecond(at: now)
    let eta: TimeInterval? =
      if let position, let rate, rate > 0 { Double(position) / rate } else { nil }
    return QueueStatus(
      token: row.publicToken, state: state, aheadAtJoin: row.aheadAtJoin,
      waitingCount: line.waitingCount, admittedLastMinute: Int(((rate ?? 0) * 60).rounded()),
      estimatedWait: eta)
  }

  /// Whether reading this status must first change something: open the sale, sweep,
  /// let people in, or note that the waiter is still there.
  private static func writeIsDue(
    _ db: Database, row: TokenRow, line: QueueLine, context: StoreContext
  ) throws -> Bool {
    let now = context.now
    if !line.opened { return (line.opensAt ?? 0) <= now }
    if now - line.sweptAt >= sweepInterval { return true }
    if row.state == .waiting && now - row.lastSeenAt >= touchInterval(line.policy) {
      return true
    }
    if row.state == .active && (row.activeUntil ?? 0) <= now { return true }
    return try line.waitingCount > 0 && !line.paused
      && admissionRoom(db, line: line, now: now) > 0
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
    try db.run(
      sql: """
        UPDATE queue_token SET state = 'expired'
        WHERE concert_id = ? AND state = 'active' AND active_until <= ?
        """,
      arguments: [concert.rawValue, context.now])
    if context.now - line.sweptAt >= sweepInterval {
      let gone = try db.fetchRows(
        sql: """
          UPDATE queue_token SET state = 'left'
          WHERE concert_id = ? AND state = 'waiting' AND last_seen_at <= ? AND seq IS NOT NULL
          RETURNING seq
          """,
        arguments: [concert.rawValue, context.now - line.policy.waitingGracePeriod.millis]
      ).map { $0["seq"] as Int64 }
      try QueueIndex.add(db, concert: concert, seqs: gone, delta: -1)
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

  /// How many more may be let in now, by capacity and by rate.
  private static func admissionRoom(_ db: Database, line: QueueLine, now: Int64) throws -> Int {
    let concert = line.concertID
    var room = Int.max
    if let capacity = line.policy.activeCapacity {
      let active = try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND state = 'active' AND active_until > ?
          """,
        arguments: [concert.rawValue, now])!
      room = min(room, capacity - active)
    }
    if let rate = line.policy.admissionsPerMinute, rate > 0 {
      // A short sliding window keeps the flow smooth (no burst of a minute's worth at
      // once) and still lets at most `rate` in over any minute.
      let window = max(6_000, (60_000 + Int64(rate) - 1) / Int64(rate))
      let allowed = max(1, Int(Int64(rate) * window / 60_000))
      let recent = try db.fetchValue(
        Int.self,
        sql: "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND admitted_at > ?",
        arguments: [concert.rawValue, now - window])!
      room = min(room, allowed - recent)
    } else if line.policy.admissionsPerMinute == 0 {
      room = 0
    }
    return room
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
        UPDATE queue_token SET state = 'active', admitted_at = ?, active_until = ?, last_seen_at = ?
        WHERE token IN (
          SELECT token FROM queue_token WHERE concert_id = ? AND state = 'waiting' AND seq IS NOT NULL
          ORDER BY seq LIMIT ?)
        RETURNING seq
        """,
      arguments: [
        now, now + line.policy.activeIdleTimeout.millis, now, concert.rawValue, room,
      ]
    ).map { $0["seq"] as Int64 }
    guard !admitted.isEmpty else { return }
    try QueueIndex.add(db, concert: concert, seqs: admitted, delta: -1)
    try QueueLine.recordAdmissions(db, line, count: admitted.count, now: now)
  }

  private static func touch(_ db: Database, _ row: TokenRow, line: QueueLine, now: Int64) throws {
    try db.run(
      sql: """
        UPDATE queue_token
        SET last_seen_at = ?1,
            active_until = CASE WHEN state = 'active' THEN ?2 ELSE active_until END
        WHERE token = ?3
        """,
      arguments: [now, now + line.policy.activeIdleTimeout.millis, row.token])
  }
}
