import Foundation
import GRDB

/// The waiting line in SQL: joining, admission in arrival order, expiry, and the
/// check that a caller holds an active token.
enum QueueStore {
  /// Returns the caller's live token for the concert, or puts them at the back of the line.
  static func issue(
    _ db: Database, user: UserID, concert: ConcertID, now: Int64, policy: BookingPolicy,
    newToken: () -> String
  ) throws -> TokenRow {
    guard try CatalogStore.concertExists(db, concert) else {
      throw BookingError.unknownConcert(concert)
    }
    try db.run(
      sql: "INSERT OR IGNORE INTO queue_line (concert_id) VALUES (?)", arguments: [concert.rawValue]
    )
    try advance(db, concert: concert, now: now, policy: policy)
    if let live = try db.fetchRow(
      sql: """
        SELECT * FROM queue_token
        WHERE concert_id = ? AND user_id = ? AND state IN ('waiting', 'active')
        """,
      arguments: [concert.rawValue, user.rawValue]
    ).map(TokenRow.init(row:)) {
      try touch(db, live, now: now, policy: policy)
      return try TokenRow.fetch(db, token: live.token)!
    }
    let seq = try db.fetchValue(
      Int64.self,
      sql:
        "UPDATE queue_line SET next_seq = next_seq + 1 WHERE concert_id = ? RETURNING next_seq - 1",
      arguments: [concert.rawValue])!
    let ahead = try waitingCount(db, concert: concert)
    let token = newToken()
    try db.run(
      sql: """
        INSERT INTO queue_token (token, concert_id, user_id, seq, state, issued_at, last_seen_at, ahead_at_join)
        VALUES (?, ?, ?, ?, 'waiting', ?, ?, ?)
        """,
      arguments: [token, concert.rawValue, user.rawValue, seq, now, now, ahead])
    try admit(db, concert: concert, now: now, policy: policy)
    return try TokenRow.fetch(db, token: token)!
  }

  /// Reads where a token stands, letting people in first if there is room.
  static func status(
    _ db: Database, token: String, user: UserID, now: Int64, policy: BookingPolicy
  ) throws -> QueueStatus {
    let row = try owned(db, token: token, user: user)
    try advance(db, concert: row.concertID, now: now, policy: policy)
    var current = try TokenRow.fetch(db, token: token)!
    if current.state == .waiting {
      try touch(db, current, now: now, policy: policy)
      current = try TokenRow.fetch(db, token: token)!
    }
    let state: QueueStatus.State
    var ahead = 0
    switch current.state {
    case .waiting:
      ahead = try aheadCount(db, current)
      state = .waiting(position: ahead + 1, ahead: ahead)
    case .active: state = .active(until: Date(millis: current.activeUntil ?? now))
    case .used: state = .used
    case .expired: state = .expired
    case .left: state = .left
    }
    let admitted = try admittedSince(db, concert: current.concertID, since: now - 60_000)
    let eta: TimeInterval? =
      if case .waiting = state, admitted > 0 { Double(ahead + 1) / (Double(admitted) / 60) } else {
        nil
      }
    return QueueStatus(
      token: current.publicToken, state: state, aheadAtJoin: current.aheadAtJoin,
      waitingCount: try waitingCount(db, concert: current.concertID),
      admittedLastMinute: admitted, estimatedWait: eta)
  }

  /// Checks that `token` is the caller's active token for `concert`, and keeps it alive.
  @discardableResult
  static func authorize(
    _ db: Database, token: String, user: UserID, concert: ConcertID, now: Int64,
    policy: BookingPolicy
  ) throws -> TokenRow {
    let row = try owned(db, token: token, user: user)
    guard row.concertID == concert else { throw BookingError.tokenForAnotherConcert(row.concertID) }
    // The hot path: an active token in use needs no look at the rest of the line.
    if row.state == .active, let until = row.activeUntil, until > now {
      try touch(db, row, now: now, policy: policy)
      return row
    }
    try advance(db, concert: concert, now: now, policy: policy)
    let current = try TokenRow.fetch(db, token: token)!
    switch current.state {
    case .waiting: throw BookingError.stillWaiting(position: try aheadCount(db, current) + 1)
    case .used: throw BookingError.tokenUsed
    case .expired: throw BookingError.tokenExpired
    case .left: throw BookingError.leftTheLine
    case .active:
      try touch(db, current, now: now, policy: policy)
      return current
    }
  }

  /// Marks a token used after a payment, freeing its slot.
  static func markUsed(_ db: Database, token: String) throws {
    try db.run(
      sql: "UPDATE queue_token SET state = 'used' WHERE token = ? AND state = 'active'",
      arguments: [token])
  }

  // MARK: - Line mechanics

  private static func owned(_ db: Database, token: String, user: UserID) throws -> TokenRow {
    guard let row = try TokenRow.fetch(db, token: token) else { throw BookingError.unknownToken }
    guard row.user == user else { throw BookingError.tokenOfAnotherUser }
    return row
  }

  /// Expires idle active tokens and drops waiters gone too long, then admits.
  private static func advance(
    _ db: Database, concert: ConcertID, now: Int64, policy: BookingPolicy
  ) throws {
    try db.run(
      sql: """
        UPDATE queue_token SET state = 'expired'
        WHERE concert_id = ? AND state = 'active' AND active_until <= ?
        """,
      arguments: [concert.rawValue, now])
    try db.run(
      sql: """
        UPDATE queue_token SET state = 'left'
        WHERE concert_id = ? AND state = 'waiting' AND last_seen_at <= ?
        """,
      arguments: [concert.rawValue, now - policy.waitingGracePeriod.millis])
    try admit(db, concert: concert, now: now, policy: policy)
  }

  /// Lets the first waiters in, in arrival order, while capacity and rate allow.
  private static func admit(
    _ db: Database, concert: ConcertID, now: Int64, policy: BookingPolicy
  ) throws {
    var room = Int.max
    if let capacity = policy.activeCapacity {
      let active = try db.fetchValue(
        Int.self, sql: "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND state = 'active'",
        arguments: [concert.rawValue])!
      room = min(room, capacity - active)
    }
    if let rate = policy.admissionsPerMinute {
      room = min(room, rate - (try admittedSince(db, concert: concert, since: now - 60_000)))
    }
    guard room > 0 else { return }
    try db.run(
      sql: """
        UPDATE queue_token SET state = 'active', admitted_at = ?, active_until = ?, last_seen_at = ?
        WHERE token IN (
          SELECT token FROM queue_token WHERE concert_id = ? AND state = 'waiting'
          ORDER BY seq LIMIT ?)
        """,
      arguments: [now, now + policy.activeIdleTimeout.millis, now, concert.rawValue, room])
  }

  private static func touch(_ db: Database, _ row: TokenRow, now: Int64, policy: BookingPolicy)
    throws
  {
    try db.run(
      sql: """
        UPDATE queue_token
        SET last_seen_at = ?1,
            active_until = CASE WHEN state = 'active' THEN ?2 ELSE active_until END
        WHERE token = ?3
        """,
      arguments: [now, now + policy.activeIdleTimeout.millis, row.token])
  }

  private static func aheadCount(_ db: Database, _ row: TokenRow) throws -> Int {
    try db.fetchValue(
      Int.self,
      sql:
        "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND state = 'waiting' AND seq < ?",
      arguments: [row.concertID.rawValue, row.seq])!
  }

  private static func waitingCount(_ db: Database, concert: ConcertID) throws -> Int {
    try db.fetchValue(
      Int.self, sql: "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND state = 'waiting'",
      arguments: [concert.rawValue])!
  }

  private static func admittedSince(_ db: Database, concert: ConcertID, since: Int64) throws -> Int
  {
    try db.fetchValue(
      Int.self, sql: "SELECT COUNT(*) FROM queue_token WHERE concert_id = ? AND admitted_at > ?",
      arguments: [concert.rawValue, since])!
  }
}

extension TimeInterval {
  var millis: Int64 { Int64((self * 1000).rounded()) }
}
