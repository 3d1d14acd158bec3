#if PostgreSQL
  import Foundation
  import PostgresNIO

  /// The waiting line on PostgreSQL: the same rules (``QueueRules``) as SQLite's
  /// ``QueueStore``. Whatever changes a line first locks its row (`FOR UPDATE`), so
  /// joins, admissions and sweeps of one concert run one at a time on every machine;
  /// booking calls of a running turn touch only their token's row.
  ///
  /// A position reads the same Fenwick tree as SQLite's (``QueueIndex``), in a table of
  /// its own: at most 32 rows however long the line. Every change to it happens while the
  /// line's row is locked.
  extension PostgresStore {
    // MARK: Operations

    func issueToken(
      user: UserID, concert: ConcertID, context: StoreContext,
      newToken: @escaping @Sendable () -> String
    ) async throws -> QueueToken {
      try await transaction { c in
        try await Self.requireConcert(c, concert)
        let line = try await Self.advance(c, concert: concert, context: context)
        let token = newToken()
        let digest = TokenDigest.of(token)
        if let live = try await Self.tokenRow(
          c,
          """
          UPDATE queue_token SET token = \(digest)
          WHERE concert_id = \(concert.rawValue) AND user_id = \(user.rawValue)
            AND state IN ('waiting', 'active')
          RETURNING \(unescaped: Self.tokenColumns)
          """, value: token)
        {
          // Coming back is something the person does: it claims or extends an active turn.
          try await Self.touch(c, live, now: context.now)
          return live.publicToken
        }
        var seq: Int64?
        if line.opened {
          seq = try await c.first(
            """
            UPDATE queue_line SET next_seq = next_seq + 1 WHERE concert_id = \(concert.rawValue)
            RETURNING next_seq - 1
            """, as: Int64.self)
        }
        try await c.run(
          """
          INSERT INTO queue_token
            (token, concert_id, user_id, seq, state, issued_at, last_seen_at, ahead_at_join)
          VALUES (\(digest), \(concert.rawValue), \(user.rawValue), \(seq), 'waiting',
                  \(context.now), \(context.now), \(Int64(line.waitingCount)))
          """)
        if let seq {
          try await Self.addWaiting(c, concert: concert, seqs: [seq], delta: 1)
          try await Self.admit(c, concert: concert, now: context.now)
        }
        let row = try await Self.fetchToken(c, token)!
        // Let in at once: the person is here, so the turn is claimed.
        if row.state == .active { try await Self.touch(c, row, now: context.now) }
        return row.publicToken
      }
    }

    func queueStatus(_ caller: Caller, context: StoreContext) async throws -> QueueStatus {
      // Most polls change nothing: answer them without locking the line. A waiter far
      // back is noted now and then, its own row and nothing else (the line's lock after
      // all if it was let in or swept meanwhile).
      let token = caller.token.rawValue
      if let status = try await transaction({ c -> QueueStatus? in
        let row = try await Self.owned(c, token: token, user: caller.user)
        guard let line = try await Self.line(c, row.concertID),
          try await !Self.lineWorkIsDue(c, line: line, now: context.now)
        else { return nil }
        if QueueRules.touchIsDue(row, line: line, now: context.now),
          try await c.run(
            """
            UPDATE queue_token SET last_seen_at = \(context.now)
            WHERE token = \(row.token) AND state = 'waiting' RETURNING 1
            """) != 1
        {
          return nil
        }
        return try await Self.status(c, row: row, line: line, now: context.now)
      }) {
        return status
      }
      return try await transaction { c in
        try await Self.lockedStatus(c, token: token, user: caller.user, context: context)
      }
    }

    func claimTurn(_ caller: Caller, context: StoreContext) async throws -> QueueStatus {
      let token = caller.token.rawValue
      return try await transaction { c in
        let row = try await Self.owned(c, token: token, user: caller.user)
        try await Self.authorize(
          c, token: token, user: caller.user, concert: row.concertID, context: context)
        return try await Self.lockedStatus(c, token: token, user: caller.user, context: context)
      }
    }

    func leaveQueue(_ caller: Caller, context: StoreContext) async throws {
      let token = caller.token.rawValue
      try await transaction { c in
        let first = try await Self.owned(c, token: token, user: caller.user)
        _ = try await Self.lockLine(c, first.concertID, context: context)
        let row = try await Self.owned(c, token: token, user: caller.user)
        switch row.state {
        case .waiting:
          try await c.run("UPDATE queue_token SET state = 'left' WHERE token = \(row.token)")
          if let seq = row.seq {
            try await Self.addWaiting(c, concert: row.concertID, seqs: [seq], delta: -1)
          }
        case .active:
          try await c.run("UPDATE queue_token SET state = 'expired' WHERE token = \(row.token)")
          let rules = try await Self.line(c, row.concertID)?.policy
          let ended = QueueRules.leftTurnEnded(row, rules: rules, now: context.now)
          try await Self.recordTurns(
            c, row.concertID, claims: QueueRules.claimedOnLeaving(row) ? 1 : 0,
            lengths: [ended - (row.admittedAt ?? ended)], now: context.now)
        case .used, .expired, .left: return
        }
        try await Self.admit(c, concert: row.concertID, now: context.now)
      }
    }

    func setAdmissionPaused(_ paused: Bool, concert: ConcertID, context: StoreContext)
      async throws
    {
      try await transaction { c in
        try await Self.requireConcert(c, concert)
        try await Self.setPaused(c, concert: concert, paused: paused, context: context)
      }
    }

    /// Stops or restarts letting people in (an operator's switch).
    static func setPaused(
      _ c: PostgresConnection, concert: ConcertID, paused: Bool, context: StoreContext
    ) async throws {
      _ = try await lockLine(c, concert, context: context)
      try await c.run(
        "UPDATE queue_line SET paused = \(paused) WHERE concert_id = \(concert.rawValue)")
      if !paused { try await admit(c, concert: concert, now: context.now) }
    }

    func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID, context: StoreContext)
      async throws
    {
      try await transaction { c in
        try await Self.requireConcert(c, concert)
        try await Self.setPolicy(c, concert: concert, policy: policy, context: context)
      }
    }

    /// Replaces a line's rules, and lets people in if they now allow it.
    static func setPolicy(
      _ c: PostgresConnection, concert: ConcertID, policy: QueuePolicy, context: StoreContext
    ) async throws {
      _ = try await lockLine(c, concert, context: context)
      try await c.run(
        """
        UPDATE queue_line SET active_capacity = \(policy.activeCapacity.map { Int64($0) }),
          admissions_per_minute = \(policy.admissionsPerMinute.map { Int64($0) }),
          active_idle_ms = \(policy.activeIdleTimeout.millis),
          waiting_grace_ms = \(policy.waitingGracePeriod.millis),
          claim_window_ms = \(policy.claimWindow.millis),
          longest_turn_ms = \(policy.longestTurn.millis)
        WHERE concert_id = \(concert.rawValue)
        """)
      try await admit(c, concert: concert, now: context.now)
    }

    func queuePolicy(concert: ConcertID, context: StoreContext) async throws -> QueuePolicy {
      try await transaction { c in
        try await Self.requireConcert(c, concert)
        return try await Self.line(c, concert)?.policy ?? QueuePolicy(context.policy)
      }
    }

    // MARK: Checks for booking calls

    /// Checks, without writing, that `token` is the caller's active token for `concert`.
    /// Returns the stored digest and, once the turn is claimed, when it ends unless the
    /// token's own calls extend it (what else may shorten it is announced).
    static func checkActive(
      _ c: PostgresConnection, token: String, user: UserID, concert: ConcertID,
      context: StoreContext
    ) async throws -> (digest: String, ends: Int64?) {
      let row = try await owned(c, token: token, user: user)
      guard row.concertID == concert else {
        throw BookingError.tokenForAnotherConcert(row.concertID)
      }
      guard let line = try await line(c, concert) else { throw BookingError.unknownToken }
      try await requireActive(c, row, line: line, now: context.now)
      return (row.token, row.claimedAt == nil ? nil : row.turnEnds(line.policy))
    }

    /// Checks that `token` is the caller's active token for `concert`: a booking call,
    /// which claims the turn and extends it. With `use`, a payment, it uses the token up.
    /// Returns the token's stored digest.
    @discardableResult
    static func authorize(
      _ c: PostgresConnection, token: String, user: UserID, concert: ConcertID,
      context: StoreContext, use: Bool = false
    ) async throws -> String {
      let digest = TokenDigest.of(token)
      // The hot path: the user's claimed, running turn, kept alive (or used) in one update.
      if let (stored, length) = try await c.first(
        """
        UPDATE queue_token t
        SET last_seen_at = \(context.now),
            state = CASE WHEN \(use) THEN 'used' ELSE t.state END
        FROM queue_line l
        WHERE t.token = \(digest) AND t.user_id = \(user.rawValue)
          AND t.concert_id = \(concert.rawValue) AND l.concert_id = t.concert_id
          AND t.state = 'active' AND t.claimed_at IS NOT NULL
          AND LEAST(t.last_seen_at + l.active_idle_ms, t.admitted_at + l.longest_turn_ms)
              > \(context.now)
        RETURNING t.token, \(context.now) - t.admitted_at
        """, as: (String, Int64).self), TokenDigest.matches(stored, digest)
      {
        // A turn used up by a payment is one more length for the line's estimate.
        if use { try await recordTurns(c, concert, lengths: [length]) }
        return stored
      }
      let row = try await owned(c, token: token, user: user)
      guard row.concertID == concert else {
        throw BookingError.tokenForAnotherConcert(row.concertID)
      }
      let line = try await advance(c, concert: concert, context: context)
      let current = try await fetchToken(c, token)!
      try await requireActive(c, current, line: line, now: context.now)
      try await touch(c, current, now: context.now)
      if use { try await markUsed(c, current, now: context.now) }
      return current.token
    }

    /// The turn statistics a payment stores with its writes (``PostgresBookingSQL/payWrite``).
    struct TurnStatistics {
      var mean: Double?
      var lapseShare: Double?
      var claimFlow: Double
    }

    /// A payment's token check: uses up the caller's running turn for `concert` with the
    /// line's row locked, and returns the line's statistics with the turn's length
    /// recorded, for the payment's writes to store. The long way (``authorize``) stores
    /// them itself and returns nil.
    static func useTurn(
      _ c: PostgresConnection, token: String, user: UserID, concert: ConcertID,
      context: StoreContext
    ) async throws -> TurnStatistics? {
      let digest = TokenDigest.of(token)
      if let (stored, length, mean, share, claimFlow, flowAt) = try await c.firstRow(
        Prepared(PostgresStatement.UseTurn.self) {
          $0.append(digest)
          $0.append(user.rawValue)
          $0.append(context.now)
          $0.append(concert.rawValue)
        }, as: (String, Int64, Double?, Double?, Double, Int64?).self),
        TokenDigest.matches(stored, digest)
      {
        return turnStatistics(
          mean: mean, share: share, claimFlow: claimFlow, flowAt: flowAt, lengths: [length])
      }
      try await authorize(
        c, token: token, user: user, concert: concert, context: context, use: true)
      return nil
    }

    // MARK: Line mechanics

    static let tokenColumns = """
      token, concert_id, user_id, seq, state, issued_at, last_seen_at, admitted_at,
      claimed_at, ahead_at_join
      """

    static func tokenRow(_ c: PostgresConnection, _ query: PostgresQuery, value: String)
      async throws -> TokenRow?
    {
      guard
        let (token, concert, user, seq, state, issued, seen, admitted, claimed, ahead) =
          try await c.first(
            query,
            as: (
              String, String, String, Int64?, String, Int64, Int64, Int64?, Int64?, Int64
            ).self)
      else { return nil }
      return TokenRow(
        token: token, value: TokenValue(value), concertID: ConcertID(concert),
        user: UserID(user), seq: seq, state: TokenRow.State(rawValue: state) ?? .expired,
        issuedAt: issued, lastSeenAt: seen, admittedAt: admitted, claimedAt: claimed,
        aheadAtJoin: Int(ahead))
    }

    static func fetchToken(_ c: PostgresConnection, _ value: String) async throws -> TokenRow? {
      let digest = TokenDigest.of(value)
      guard
        let row = try await tokenRow(
          c, "SELECT \(unescaped: tokenColumns) FROM queue_token WHERE token = \(digest)",
          value: value),
        TokenDigest.matches(row.token, digest)
      else { return nil }
      return row
    }

    static func owned(_ c: PostgresConnection, token: String, user: UserID) async throws
      -> TokenRow
    {
      guard let row = try await fetchToken(c, token) else { throw BookingError.unknownToken }
      guard row.user == user else { throw BookingError.tokenOfAnotherUser }
      return row
    }

    static func requireConcert(_ c: PostgresConnection, _ concert: ConcertID) async throws {
      guard
        try await c.first(
          "SELECT 1 FROM concert WHERE id = \(concert.rawValue)", as: Int64.self) != nil
      else { throw BookingError.unknownConcert(concert) }
    }

    private static func lockedStatus(
      _ c: PostgresConnection, token: String, user: UserID, context: StoreContext
    ) async throws -> QueueStatus {
      let row = try await owned(c, token: token, user: user)
      let line = try await advance(c, concert: row.concertID, context: context)
      let current = try await fetchToken(c, token)!
      // The touch only notes the waiter is still there: nothing the status shows changes.
      if current.state == .waiting { try await touch(c, current, now: context.now) }
      return try await status(c, row: current, line: line, now: context.now)
    }

    private static func requireActive(
      _ c: PostgresConnection, _ row: TokenRow, line: QueueLine, now: Int64
    ) async throws {
      if let refusal = QueueRules.refusal(
        row, line: line, now: now, ahead: try await waitingBefore(c, row))
      {
        throw refusal
      }
    }

    private static func status(
      _ c: PostgresConnection, row: TokenRow, line: QueueLine, now: Int64
    ) async throws -> QueueStatus {
      QueueRules.status(
        row, line: line, now: now, ahead: try await waitingBefore(c, row),
        running: QueueRules.needsRunningTurns(row, line: line)
          ? try await runningTurns(c, line: line, now: now) : nil)
    }

    /// The people waiting ahead of `row`, when what is shown of it needs them.
    private static func waitingBefore(_ c: PostgresConnection, _ row: TokenRow) async throws
      -> Int?
    {
      guard QueueRules.needsPosition(row), let seq = row.seq else { return nil }
      let nodes = QueueIndex.nodes(before: seq)
      guard !nodes.isEmpty else { return 0 }
      return try await c.count(
        """
        SELECT COALESCE(SUM(total), 0)::bigint FROM queue_fenwick
        WHERE concert_id = \(row.concertID.rawValue) AND node = ANY(\(nodes))
        """)
    }

    private static let lineColumns = """
      c.sale_opens_at, l.opened, l.paused, l.waiting_count, l.flow, l.seq_flow, l.turn_mean_ms,
      l.lapse_share, l.flow_at, l.flow_since, l.front_seq, l.swept_at, l.active_capacity,
      l.admissions_per_minute, l.active_idle_ms, l.waiting_grace_ms, l.claim_window_ms,
      l.longest_turn_ms, l.next_seq, l.front_joined_at, l.sweep_age_ms, l.claim_flow
      """

    /// The line of `concert`; `forUpdate` locks its row until the transaction ends.
    static func line(_ c: PostgresConnection, _ concert: ConcertID, forUpdate: Bool = false)
      async throws -> QueueLine?
    {
      guard
        let (
          opensAt, opened, paused, waiting, flow, seqFlow, turnMean, lapseShare, flowAt,
          flowSince, front, swept, capacity, rate, idle, grace, claim, longest, nextSeq,
          frontJoinedAt, sweepAge, claimFlow
        ) = try await c.first(
          """
          SELECT \(unescaped: lineColumns)
          FROM queue_line l JOIN concert c ON c.id = l.concert_id
          WHERE l.concert_id = \(concert.rawValue) \(unescaped: forUpdate ? "FOR UPDATE OF l" : "")
          """,
          as: (
            Int64?, Bool, Bool, Int64, Double, Double, Double?, Double?, Int64?, Int64?, Int64,
            Int64, Int64?, Int64?, Int64, Int64, Int64, Int64, Int64, Int64?, Double?, Double
          ).self)
      else { return nil }
      func seconds(_ millis: Int64) -> TimeInterval { Double(millis) / 1000 }
      return QueueLine(
        concertID: concert, opensAt: opensAt, opened: opened, paused: paused,
        waitingCount: Int(waiting), flow: flow, seqFlow: seqFlow, turnMean: turnMean,
        lapseShare: lapseShare, flowAt: flowAt, flowSince: flowSince, frontSeq: front,
        sweptAt: swept,
        policy: QueuePolicy(
          activeCapacity: capacity.map { Int($0) }, admissionsPerMinute: rate.map { Int($0) },
          activeIdleTimeout: seconds(idle), waitingGracePeriod: seconds(grace),
          claimWindow: seconds(claim), longestTurn: seconds(longest)),
        nextSeq: nextSeq, frontJoinedAt: frontJoinedAt, sweepAge: sweepAge, claimFlow: claimFlow)
    }

    /// The line of `concert`, made on first use with the default rules, locked until the
    /// transaction ends.
    static func lockLine(_ c: PostgresConnection, _ concert: ConcertID, context: StoreContext)
      async throws -> QueueLine
    {
      let defaults = QueuePolicy(context.policy)
      try await c.run(
        """
        INSERT INTO queue_line
          (concert_id, opened, active_capacity, admissions_per_minute, active_idle_ms,
           waiting_grace_ms, claim_window_ms, longest_turn_ms)
        SELECT id, sale_opens_at IS NULL OR sale_opens_at <= \(context.now),
          \(defaults.activeCapacity.map { Int64($0) }),
          \(defaults.admissionsPerMinute.map { Int64($0) }), \(defaults.activeIdleTimeout.millis),
          \(defaults.waitingGracePeriod.millis), \(defaults.claimWindow.millis),
          \(defaults.longestTurn.millis)
        FROM concert WHERE id = \(concert.rawValue)
        ON CONFLICT (concert_id) DO NOTHING
        """)
      guard let line = try await line(c, concert, forUpdate: true) else {
        throw BookingError.unknownConcert(concert)
      }
      return line
    }

    /// Opens the sale if due, expires ended turns, drops waiters gone too long, admits.
    @discardableResult
    static func advance(_ c: PostgresConnection, concert: ConcertID, context: StoreContext)
      async throws -> QueueLine
    {
      let line = try await lockLine(c, concert, context: context)
      let now = context.now
      if !line.opened && (line.opensAt ?? 0) <= now {
        try await open(c, concert: concert, context: context)
      }
      let ended = try await c.all(
        """
        UPDATE queue_token t SET state = 'expired'
        FROM queue_line l
        WHERE t.concert_id = \(concert.rawValue) AND l.concert_id = t.concert_id
          AND t.state = 'active' AND \(unescaped: turnEnds) <= \(now)
        RETURNING t.claimed_at IS NULL, \(unescaped: turnEnds) - t.admitted_at
        """, as: (Bool, Int64).self)
      try await recordTurns(
        c, concert, lapses: ended.filter(\.0).count, lengths: ended.filter { !$0.0 }.map(\.1))
      if now - line.sweptAt >= QueueRules.sweepInterval {
        let gone = try await c.all(
          """
          UPDATE queue_token SET state = 'left'
          WHERE concert_id = \(concert.rawValue) AND state = 'waiting'
            AND last_seen_at <= \(QueueRules.sweepCutoff(line.policy, now: now))
            AND seq IS NOT NULL
          RETURNING seq, issued_at
          """, as: (Int64, Int64).self)
        try await addWaiting(c, concert: concert, seqs: gone.map(\.0), delta: -1)
        // How long after joining walk-aways are swept out, for the estimate.
        let sweepAge =
          gone.isEmpty
          ? line.sweepAge : QueueRules.sweepAge(line.sweepAge, ages: gone.map { now - $0.1 })
        try await c.run(
          """
          UPDATE queue_line SET swept_at = \(now), sweep_age_ms = \(sweepAge)
          WHERE concert_id = \(concert.rawValue)
          """)
      }
      try await admit(c, concert: concert, now: now)
      return try await self.line(c, concert)!
    }

    /// When a `queue_token t` turn ends under its `queue_line l`'s rules (as
    /// ``TokenRow/turnEnds(_:)``).
    static let turnEnds = """
      LEAST(CASE WHEN t.claimed_at IS NULL THEN t.admitted_at + l.claim_window_ms
                 ELSE t.last_seen_at + l.active_idle_ms END,
            t.admitted_at + l.longest_turn_ms)
      """

    /// The sale opens: everyone who joined before it gets a place in a random order, and
    /// their grace period starts now.
    private static func open(_ c: PostgresConnection, concert: ConcertID, context: StoreContext)
      async throws
    {
      let early = try await c.all(
        """
        SELECT token FROM queue_token
        WHERE concert_id = \(concert.rawValue) AND state = 'waiting' AND seq IS NULL
        ORDER BY joined
        """, as: String.self)
      let count = Int64(early.count)
      let first = try await c.first(
        """
        UPDATE queue_line SET next_seq = next_seq + \(count), opened = TRUE
        WHERE concert_id = \(concert.rawValue) RETURNING next_seq - \(count)
        """, as: Int64.self)!
      var seqs: [Int64] = []
      for (offset, token) in context.random.shuffled(early).enumerated() {
        let seq = first + Int64(offset)
        try await c.run(
          """
          UPDATE queue_token SET seq = \(seq), ahead_at_join = \(Int64(offset)),
            last_seen_at = \(context.now)
          WHERE token = \(token)
          """)
        seqs.append(seq)
      }
      try await addWaiting(c, concert: concert, seqs: seqs, delta: 1)
    }

    /// Adds `delta` (+1 joined, -1 left or admitted) at each arrival number, in the tree
    /// and in the line's count, in two statements whatever the number of nodes.
    private static func addWaiting(
      _ c: PostgresConnection, concert: ConcertID, seqs: [Int64], delta: Int64
    ) async throws {
      guard !seqs.isEmpty else { return }
      let changes = QueueIndex.changes(adding: delta, at: seqs).filter { $0.value != 0 }
      try await c.run(
        """
        INSERT INTO queue_fenwick (concert_id, node, total)
        SELECT \(concert.rawValue), node, total
        FROM unnest(\(Array(changes.keys)), \(Array(changes.values))) AS x(node, total)
        ON CONFLICT (concert_id, node) DO UPDATE SET total = queue_fenwick.total + excluded.total
        """)
      try await c.run(
        """
        UPDATE queue_line SET waiting_count = waiting_count + \(delta * Int64(seqs.count))
        WHERE concert_id = \(concert.rawValue)
        """)
    }

    static func runningTurns(_ c: PostgresConnection, line: QueueLine, now: Int64)
      async throws -> Int
    {
      try await c.count(
        """
        SELECT COUNT(*) FROM queue_token t JOIN queue_line l ON l.concert_id = t.concert_id
        WHERE t.concert_id = \(line.concertID.rawValue) AND t.state = 'active'
          AND \(unescaped: turnEnds) > \(now)
        """)
    }

    /// Whether the line itself has something to do (see ``QueueRules/lineWorkIsDue``).
    private static func lineWorkIsDue(_ c: PostgresConnection, line: QueueLine, now: Int64)
      async throws -> Bool
    {
      if let due = QueueRules.lineWorkIsDue(line, now: now) { return due }
      return try await admissionRoom(c, line: line, now: now) > 0
    }

    private static func admissionRoom(_ c: PostgresConnection, line: QueueLine, now: Int64)
      async throws -> Int
    {
      let policy = line.policy
      var recent: Int?
      if let window = QueueRules.rateWindow(policy) {
        recent = try await c.count(
          """
          SELECT COUNT(*) FROM queue_token
          WHERE concert_id = \(line.concertID.rawValue) AND admitted_at > \(now - window.millis)
          """)
      }
      return QueueRules.admissionRoom(
        policy,
        running: policy.activeCapacity == nil
          ? nil : try await runningTurns(c, line: line, now: now),
        recent: recent)
    }

    /// Lets the first waiters in, in arrival order, while capacity and rate allow.
    private static func admit(_ c: PostgresConnection, concert: ConcertID, now: Int64)
      async throws
    {
      guard let line = try await line(c, concert), line.opened, !line.paused,
        line.waitingCount > 0
      else { return }
      let room = try await admissionRoom(c, line: line, now: now)
      guard room > 0 else { return }
      let admitted = try await c.all(
        """
        UPDATE queue_token SET state = 'active', admitted_at = \(now), last_seen_at = \(now),
          claimed_at = NULL
        WHERE token IN (
          SELECT token FROM queue_token
          WHERE concert_id = \(concert.rawValue) AND state = 'waiting' AND seq IS NOT NULL
          ORDER BY seq LIMIT \(Int64(room)))
        RETURNING seq, issued_at
        """, as: (Int64, Int64).self
      ).map { (seq: $0.0, joinedAt: $0.1) }
      guard !admitted.isEmpty else { return }
      try await addWaiting(c, concert: concert, seqs: admitted.map(\.seq), delta: -1)
      let flows = QueueRules.flows(line, admitted: admitted, now: now)
      try await c.run(
        """
        UPDATE queue_line SET flow = \(flows.flow), seq_flow = \(flows.seqFlow),
          claim_flow = \(flows.claimFlow), flow_at = \(now),
          flow_since = \(flows.flowSince), front_joined_at = \(flows.frontJoinedAt),
          front_seq = \(flows.frontSeq)
        WHERE concert_id = \(concert.rawValue)
        """)
    }

    /// Notes that the person did something: a waiter is still there; an active turn is
    /// claimed (if it was not) and its idle time starts again.
    private static func touch(_ c: PostgresConnection, _ row: TokenRow, now: Int64) async throws {
      if row.state == .active && row.claimedAt == nil
        && QueueRules.waited(joinedAt: row.issuedAt, admittedAt: row.admittedAt)
      {
        try await recordTurns(c, row.concertID, claims: 1, now: now)
      }
      try await c.run(
        """
        UPDATE queue_token
        SET last_seen_at = \(now),
            claimed_at = CASE WHEN state = 'active' THEN COALESCE(claimed_at, \(now)) END
        WHERE token = \(row.token)
        """)
    }

    /// Marks a token used after a payment, freeing its slot, and records the turn's length.
    private static func markUsed(_ c: PostgresConnection, _ row: TokenRow, now: Int64)
      async throws
    {
      guard
        let length = try await c.first(
          """
          UPDATE queue_token SET state = 'used' WHERE token = \(row.token) AND state = 'active'
          RETURNING last_seen_at - admitted_at
          """, as: Int64.self)
      else { return }
      try await recordTurns(c, row.concertID, lengths: [length])
    }

    /// Records what became of turns (see ``QueueRules/turnAverages``).
    static func recordTurns(
      _ c: PostgresConnection, _ concert: ConcertID, claims: Int = 0, lapses: Int = 0,
      lengths: [Int64] = [], now: Int64 = 0
    ) async throws {
      guard claims + lapses + lengths.count > 0,
        let (mean, share, claimFlow, flowAt) = try await c.first(
          """
          SELECT turn_mean_ms, lapse_share, claim_flow, flow_at FROM queue_line
          WHERE concert_id = \(concert.rawValue) FOR UPDATE
          """, as: (Double?, Double?, Double, Int64?).self)
      else { return }
      let updated = turnStatistics(
        mean: mean, share: share, claimFlow: claimFlow, flowAt: flowAt, claims: claims,
        lapses: lapses, lengths: lengths, now: now)
      try await c.run(
        """
        UPDATE queue_line SET turn_mean_ms = \(updated.mean), lapse_share = \(updated.lapseShare),
          claim_flow = \(updated.claimFlow)
        WHERE concert_id = \(concert.rawValue)
        """)
    }

    /// A line's turn statistics after what became of turns (``QueueRules``).
    private static func turnStatistics(
      mean: Double?, share: Double?, claimFlow: Double, flowAt: Int64?, claims: Int = 0,
      lapses: Int = 0, lengths: [Int64], now: Int64 = 0
    ) -> TurnStatistics {
      let averages = QueueRules.turnAverages(
        mean: mean, lapseShare: share, claims: claims, lapses: lapses, lengths: lengths)
      return TurnStatistics(
        mean: averages.mean, lapseShare: averages.lapseShare,
        claimFlow: QueueRules.claimFlow(claimFlow, storedAt: flowAt, claims: claims, now: now))
    }
  }
#endif
