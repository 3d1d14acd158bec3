import Foundation
import GRDB

/// The box office in SQL: an operator's whole picture of a sale, read on a snapshot, and
/// the one-statement fingerprint that tells whether reading it again would show anything
/// new. The picture is made by ``BoxOfficeRules`` from what is read here.
///
/// Nothing here writes. The line's counters come from its `queue_line` row and the token
/// rows it already keeps (a lost claim window is a turn that expired unclaimed; a waiter
/// who left or was swept is a `left` token), so the hot paths pay nothing for the view.
enum BoxOfficeStore {
  /// The whole picture of `concert` at `now`, as `viewer` may act on it.
  static func read(
    _ db: Database, concert id: ConcertID, viewer: UserID, context: StoreContext
  ) throws -> BoxOffice {
    let now = context.now
    let concert = try CatalogStore.concert(db, id)
    let fingerprint = try self.fingerprint(db, concert: id, viewer: viewer)
    let (line, turnEnd) = try self.line(db, concert: id, context: context)
    return BoxOfficeRules.boxOffice(
      concert: concert, line: line, dates: try sales(db, concert: id, now: now), viewer: viewer,
      listed: try OperatorStore.isListed(db, viewer), operatorCount: try OperatorStore.count(db),
      fingerprint: fingerprint, turnEnd: turnEnd, now: now)
  }

  /// Whether `boxOffice` still shows what the database holds at `now`.
  static func isCurrent(_ db: Database, _ boxOffice: BoxOffice, now: Int64) throws -> Bool {
    guard !BoxOfficeRules.isDue(boxOffice, now: now) else { return false }
    return try fingerprint(db, concert: boxOffice.concert.id, viewer: boxOffice.viewer)
      == boxOffice.stamp.fingerprint
  }

  /// Everything a write that changes the view touches: the line's row (its counters move
  /// on every admission, leave, claim and sweep; turns that end update its averages), how
  /// many tokens are active (a turn lost or paid), every date's seat version (holds,
  /// sales, releases) and the operator list.
  private static func fingerprint(_ db: Database, concert: ConcertID, viewer: UserID) throws
    -> [Int64]
  {
    let row = try db.fetchRow(
      sql: """
        SELECT
          (SELECT COALESCE(SUM(seat_version), 0) FROM concert_date WHERE concert_id = ?1),
          (SELECT COUNT(*) FROM concert_date WHERE concert_id = ?1),
          (SELECT COUNT(*) FROM queue_token WHERE concert_id = ?1 AND state = 'active'),
          (SELECT COUNT(*) FROM operators),
          (SELECT COUNT(*) FROM operators WHERE name = ?2),
          l.next_seq, l.opened, l.paused, l.waiting_count, l.flow_at, l.swept_at, l.front_seq,
          CAST(l.turn_mean_ms * 1000 AS INTEGER), CAST(l.lapse_share * 1e9 AS INTEGER),
          CAST(l.claim_flow * 1e9 AS INTEGER),
          l.active_capacity, l.admissions_per_minute, l.active_idle_ms, l.waiting_grace_ms,
          l.claim_window_ms, l.longest_turn_ms
        FROM (SELECT 1) LEFT JOIN queue_line l ON l.concert_id = ?1
        """, arguments: [concert.rawValue, viewer.rawValue])!
    return (0..<row.count).map { (row[$0] as Int64?) ?? Int64.min }
  }

  /// The line, and when its first running turn ends by the rules.
  private static func line(_ db: Database, concert: ConcertID, context: StoreContext) throws
    -> (BoxOffice.Line, turnEnd: Int64?)
  {
    let now = context.now
    guard let line = try QueueLine.fetch(db, concert) else {
      return (BoxOfficeRules.emptyLine(QueuePolicy(context.policy)), nil)
    }
    let perMinute = try db.fetchRows(
      sql: """
        SELECT (?2 - admitted_at) / 60000, COUNT(*) FROM queue_token
        WHERE concert_id = ?1 AND admitted_at > ?2 - ?3 AND admitted_at <= ?2
        GROUP BY 1
        """, arguments: [concert.rawValue, now, Int64(BoxOfficeRules.minutes) * 60_000]
    ).map { (minutesAgo: $0[0] as Int, count: $0[1] as Int) }
    let counts = try db.fetchRow(
      sql: """
        SELECT
          (SELECT COUNT(*) FROM queue_token
           WHERE concert_id = ?4 AND state = 'expired' AND claimed_at IS NULL
             AND admitted_at IS NOT NULL),
          (SELECT COUNT(*) FROM queue_token WHERE concert_id = ?4 AND state = 'left'),
          (SELECT COUNT(*) FROM queue_token WHERE concert_id = ?4 AND state = 'used'),
          (SELECT MIN(\(TokenRow.turnEndsSQL)) FROM queue_token
           WHERE concert_id = ?4 AND state = 'active')
        """,
      arguments: StatementArguments(QueueStore.turnRules(line.policy) + [concert.rawValue]))!
    let report = BoxOfficeRules.line(
      line, now: now, running: try QueueStore.runningTurns(db, line: line, now: now),
      admittedPerMinute: BoxOfficeRules.admittedPerMinute(perMinute), losses: counts[0],
      leftOrSwept: counts[1], paid: counts[2])
    return (report, counts[3])
  }

  /// Each date's seats by state, revenue and holds running out soon.
  private static func sales(_ db: Database, concert: ConcertID, now: Int64) throws
    -> [BoxOffice.DateSales]
  {
    let revenue = Dictionary(
      uniqueKeysWithValues: try db.fetchRows(
        sql: """
          SELECT t.date_id, SUM(t.price) FROM ticket t JOIN concert_date d ON d.id = t.date_id
          WHERE d.concert_id = ? GROUP BY t.date_id
          """, arguments: [concert.rawValue]
      ).map { ($0[0] as Int64, $0[1] as Int64) })
    let counts = Dictionary(
      uniqueKeysWithValues: try db.fetchRows(
        sql: """
          SELECT st.date_id,
            SUM(st.sale IS NOT NULL),
            SUM(st.sale IS NULL AND st.held_until > ?2),
            COUNT(DISTINCT CASE WHEN st.sale IS NULL AND st.held_until > ?2
                                 AND st.held_until <= ?2 + ?3 THEN st.hold_id END),
            MIN(CASE WHEN st.sale IS NULL AND st.held_until > ?2 THEN st.held_until END),
            SUM(st.sale = 'box_office')
          FROM seat_state st JOIN concert_date d ON d.id = st.date_id
          WHERE d.concert_id = ?1 GROUP BY st.date_id
          """, arguments: [concert.rawValue, now, BoxOffice.expiringWindow.millis]
      ).map { ($0[0] as Int64, $0) })
    return try CatalogStore.dates(db, concert: concert, now: now).map { date in
      let row = counts[date.id.rawValue]
      return BoxOfficeRules.sales(
        date, sold: row?[1] ?? 0, soldAtBoxOffice: row?[5] ?? 0, held: row?[2] ?? 0,
        revenue: revenue[date.id.rawValue] ?? 0, expiringSoon: row?[3] ?? 0,
        nextHoldEnd: row?[4])
    }
  }
}
