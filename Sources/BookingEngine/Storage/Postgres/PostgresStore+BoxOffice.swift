#if PostgreSQL
  import Foundation
  import PostgresNIO

  /// The operator list, checked rule changes and the box office on PostgreSQL, by the same
  /// rules (``OperatorRules``, ``QueueRule``, ``BoxOfficeRules``) as SQLite's.
  ///
  /// Whoever changes the list takes the `operators` table in a mode that excludes any
  /// other change of it; a rule change takes it in a shared mode, so an operator removed
  /// meanwhile cannot act. Buyers never touch the table. The box office reads on a
  /// read-only snapshot with plain SELECTs: it takes no lock a buyer's call waits for.
  extension PostgresStore {
    // MARK: Operators

    func operators() async throws -> [Operator] {
      try await transaction { c in
        try await c.all(
          "SELECT name, added_at, added_by FROM operators ORDER BY added_at, name",
          as: (String, Int64, String?).self
        ).map { name, addedAt, addedBy in
          Operator(
            name: UserID(name), addedAt: Date(millis: addedAt), addedBy: addedBy.map(UserID.init))
        }
      }
    }

    func mayAct(_ user: UserID) async throws -> Bool {
      try await transaction { c in
        let standing = try await Self.standing(c, user)
        return OperatorRules.mayAct(listed: standing.listed, listSize: standing.listSize)
      }
    }

    func addOperator(_ name: UserID, by caller: UserID, now: Int64) async throws {
      try await transaction { c in
        try await c.run("LOCK TABLE operators IN SHARE ROW EXCLUSIVE MODE")
        let standing = try await Self.standing(c, caller)
        try OperatorRules.requireOperator(
          caller, listed: standing.listed, listSize: standing.listSize)
        let addedBy = OperatorRules.addedBy(caller, listSize: standing.listSize)
        try await c.run(
          """
          INSERT INTO operators (name, added_at, added_by)
          VALUES (\(name.rawValue), \(now), \(addedBy?.rawValue))
          ON CONFLICT (name) DO NOTHING
          """)
      }
    }

    func removeOperator(_ name: UserID, by caller: UserID) async throws {
      try await transaction { c in
        try await c.run("LOCK TABLE operators IN SHARE ROW EXCLUSIVE MODE")
        let standing = try await Self.standing(c, caller)
        try OperatorRules.requireOperator(
          caller, listed: standing.listed, listSize: standing.listSize)
        let removed = try await c.run(
          "DELETE FROM operators WHERE name = \(name.rawValue) RETURNING 1")
        try OperatorRules.requireRemoved(name, removed: removed)
      }
    }

    /// Whether `user` is on the list, and how long it is.
    private static func standing(_ c: PostgresConnection, _ user: UserID) async throws -> (
      listed: Bool, listSize: Int
    ) {
      let (size, listed) = try await c.first(
        """
        SELECT COUNT(*), COUNT(*) FILTER (WHERE name = \(user.rawValue)) FROM operators
        """, as: (Int64, Int64).self)!
      return (listed > 0, Int(size))
    }

    /// Throws unless `caller` may change a sale, and keeps the list as it is until the
    /// transaction ends.
    private static func requireOperator(_ c: PostgresConnection, _ caller: UserID) async throws {
      try await c.run("LOCK TABLE operators IN SHARE MODE")
      let standing = try await Self.standing(c, caller)
      try OperatorRules.requireOperator(
        caller, listed: standing.listed, listSize: standing.listSize)
    }

    // MARK: Rule changes, checked

    func change(_ rule: QueueRule, concert: ConcertID, by caller: UserID, context: StoreContext)
      async throws
    {
      try await transaction { c in
        try await Self.requireOperator(c, caller)
        try await Self.requireConcert(c, concert)
        let line = try await Self.lockLine(c, concert, context: context)
        switch try rule.effect(on: line.policy) {
        case .paused(let paused):
          try await Self.setPaused(c, concert: concert, paused: paused, context: context)
        case .rules(let rules):
          try await Self.setPolicy(c, concert: concert, policy: rules, context: context)
        }
      }
    }

    func setQueuePolicy(
      _ policy: QueuePolicy, concert: ConcertID, by caller: UserID, context: StoreContext
    ) async throws {
      try await transaction { c in
        try await Self.requireOperator(c, caller)
        try await Self.requireConcert(c, concert)
        try await Self.setPolicy(c, concert: concert, policy: policy, context: context)
      }
    }

    // MARK: The box office

    func boxOffice(concert: ConcertID, viewer: UserID, context: StoreContext) async throws
      -> BoxOffice
    {
      try await transaction { c in
        try await Self.snapshot(c)
        return try await Self.boxOffice(c, concert: concert, viewer: viewer, context: context)
      }
    }

    func refresh(_ boxOffice: BoxOffice, context: StoreContext) async throws -> BoxOffice {
      try await transaction { c in
        try await Self.snapshot(c)
        if !BoxOfficeRules.isDue(boxOffice, now: context.now),
          try await Self.fingerprint(c, concert: boxOffice.concert.id, viewer: boxOffice.viewer)
            == boxOffice.stamp.fingerprint
        {
          return boxOffice
        }
        return try await Self.boxOffice(
          c, concert: boxOffice.concert.id, viewer: boxOffice.viewer, context: context)
      }
    }

    /// Every statement of this transaction reads one snapshot, and none writes.
    private static func snapshot(_ c: PostgresConnection) async throws {
      try await c.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    }

    private static func boxOffice(
      _ c: PostgresConnection, concert id: ConcertID, viewer: UserID, context: StoreContext
    ) async throws -> BoxOffice {
      let now = context.now
      let concert = try await Self.concert(c, id)
      let fingerprint = try await Self.fingerprint(c, concert: id, viewer: viewer)
      let (line, turnEnd) = try await boxOfficeLine(c, concert: id, context: context)
      let standing = try await Self.standing(c, viewer)
      return BoxOfficeRules.boxOffice(
        concert: concert, line: line, dates: try await sales(c, concert: id, now: now),
        viewer: viewer, listed: standing.listed, operatorCount: standing.listSize,
        fingerprint: fingerprint, turnEnd: turnEnd, now: now)
    }

    /// What a write that changes the view touches, as SQLite's ``BoxOfficeStore`` reads it:
    /// the line's row, the active tokens, the dates' seat versions, the operator list.
    private static func fingerprint(_ c: PostgresConnection, concert: ConcertID, viewer: UserID)
      async throws -> [Int64]
    {
      try await c.first(
        """
        SELECT array_replace(ARRAY[
          (SELECT COALESCE(SUM(seat_version), 0) FROM concert_date
           WHERE concert_id = \(concert.rawValue)),
          (SELECT COUNT(*) FROM concert_date WHERE concert_id = \(concert.rawValue)),
          (SELECT COUNT(*) FROM queue_token
           WHERE concert_id = \(concert.rawValue) AND state = 'active'),
          (SELECT COUNT(*) FROM operators),
          (SELECT COUNT(*) FROM operators WHERE name = \(viewer.rawValue)),
          l.next_seq, l.opened::int, l.paused::int, l.waiting_count, l.flow_at, l.swept_at,
          l.front_seq, (l.turn_mean_ms * 1000)::bigint, (l.lapse_share * 1e9)::bigint,
          (l.claim_flow * 1e9)::bigint, l.active_capacity, l.admissions_per_minute,
          l.active_idle_ms, l.waiting_grace_ms, l.claim_window_ms, l.longest_turn_ms
        ]::bigint[], NULL, \(Int64.min))
        FROM (SELECT 1) x LEFT JOIN queue_line l ON l.concert_id = \(concert.rawValue)
        """, as: [Int64].self)!
    }

    /// The line, and when its first running turn ends by the rules.
    private static func boxOfficeLine(
      _ c: PostgresConnection, concert: ConcertID, context: StoreContext
    ) async throws -> (BoxOffice.Line, turnEnd: Int64?) {
      let now = context.now
      guard let line = try await Self.line(c, concert) else {
        return (BoxOfficeRules.emptyLine(QueuePolicy(context.policy)), nil)
      }
      let perMinute = try await c.all(
        """
        SELECT (\(now) - admitted_at) / 60000, COUNT(*) FROM queue_token
        WHERE concert_id = \(concert.rawValue)
          AND admitted_at > \(now - Int64(BoxOfficeRules.minutes) * 60_000)
          AND admitted_at <= \(now)
        GROUP BY 1
        """, as: (Int64, Int64).self
      ).map { (minutesAgo: Int($0), count: Int($1)) }
      let (losses, left, paid, turnEnd) = try await c.first(
        """
        SELECT
          (SELECT COUNT(*) FROM queue_token
           WHERE concert_id = \(concert.rawValue) AND state = 'expired' AND claimed_at IS NULL
             AND admitted_at IS NOT NULL),
          (SELECT COUNT(*) FROM queue_token
           WHERE concert_id = \(concert.rawValue) AND state = 'left'),
          (SELECT COUNT(*) FROM queue_token
           WHERE concert_id = \(concert.rawValue) AND state = 'used'),
          (SELECT MIN(\(unescaped: turnEnds)) FROM queue_token t
           JOIN queue_line l ON l.concert_id = t.concert_id
           WHERE t.concert_id = \(concert.rawValue) AND t.state = 'active')
        """, as: (Int64, Int64, Int64, Int64?).self)!
      let report = BoxOfficeRules.line(
        line, now: now, running: try await runningTurns(c, line: line, now: now),
        admittedPerMinute: BoxOfficeRules.admittedPerMinute(perMinute), losses: Int(losses),
        leftOrSwept: Int(left), paid: Int(paid))
      return (report, turnEnd)
    }

    /// Each date's seats by state, revenue and holds running out soon.
    private static func sales(_ c: PostgresConnection, concert: ConcertID, now: Int64)
      async throws -> [BoxOffice.DateSales]
    {
      let revenue = Dictionary(
        uniqueKeysWithValues: try await c.all(
          """
          SELECT t.date_id, SUM(t.price)::bigint FROM ticket t
          JOIN concert_date d ON d.id = t.date_id
          WHERE d.concert_id = \(concert.rawValue) GROUP BY t.date_id
          """, as: (Int64, Int64).self))
      let window = BoxOffice.expiringWindow.millis
      var counts:
        [Int64: (sold: Int64, held: Int64, expiring: Int64, next: Int64?, boxOffice: Int64)] = [:]
      for (date, sold, held, expiring, next, boxOffice) in try await c.all(
        """
        SELECT st.date_id,
          COUNT(*) FILTER (WHERE st.sale IS NOT NULL),
          COUNT(*) FILTER (WHERE st.sale IS NULL AND st.held_until > \(now)),
          COUNT(DISTINCT st.hold_id) FILTER (
            WHERE st.sale IS NULL AND st.held_until > \(now)
              AND st.held_until <= \(now + window)),
          MIN(st.held_until) FILTER (WHERE st.sale IS NULL AND st.held_until > \(now)),
          COUNT(*) FILTER (WHERE st.sale = 'box_office')
        FROM seat_state st JOIN concert_date d ON d.id = st.date_id
        WHERE d.concert_id = \(concert.rawValue) GROUP BY st.date_id
        """, as: (Int64, Int64, Int64, Int64, Int64?, Int64).self)
      {
        counts[date] = (sold, held, expiring, next, boxOffice)
      }
      return try await dates(c, concert: concert, now: now).map { date in
        let row = counts[date.id.rawValue]
        return BoxOfficeRules.sales(
          date, sold: Int(row?.sold ?? 0), soldAtBoxOffice: Int(row?.boxOffice ?? 0),
          held: Int(row?.held ?? 0),
          revenue: revenue[date.id.rawValue] ?? 0, expiringSoon: Int(row?.expiring ?? 0),
          nextHoldEnd: row?.next)
      }
    }
  }
#endif
