#if PostgreSQL
  import Foundation
  import PostgresNIO

  /// Catalog, seat maps, holds, payments and points on PostgreSQL, by the same rules
  /// (``BookingRules``) as the SQLite stores. A seat is taken by a conditional UPDATE whose
  /// returned row is counted: under READ COMMITTED a second buyer's update waits for the
  /// first and then finds the seat no longer free. Balances move by conditional UPDATEs
  /// (never below zero) and every change writes its ledger entry in the same transaction.
  extension PostgresStore {
    // MARK: Catalog

    func concerts() async throws -> [Concert] {
      try await transaction { c in try await Self.concerts(c) }
    }

    func dates(of concert: ConcertID, _ caller: Caller, context: StoreContext) async throws
      -> [ConcertDate]
    {
      try await transaction { c in
        try await Self.requireConcert(c, concert)
        try await Self.authorize(
          c, token: caller.token.rawValue, user: caller.user, concert: concert, context: context)
        return try await Self.dates(c, concert: concert, now: context.now)
      }
    }

    func concertDate(_ id: DateID, now: Int64) async throws -> ConcertDate {
      try await transaction { c in try await Self.date(c, id, now: now) }
    }

    static func concerts(_ c: PostgresConnection, id: ConcertID? = nil) async throws -> [Concert] {
      try await c.all(
        """
        SELECT c.id, c.title, c.venue, c.sale_opens_at,
               (SELECT COUNT(*) FROM seat WHERE concert_id = c.id)
        FROM concert c
        WHERE \(id?.rawValue)::text IS NULL OR c.id = \(id?.rawValue)
        ORDER BY c.sort_order
        """, as: (String, String, String, Int64?, Int64).self
      ).map { id, title, venue, opens, seats in
        Concert(
          id: ConcertID(id), title: title, venue: venue, seatCount: Int(seats),
          saleOpensAt: opens.map(Date.init(millis:)))
      }
    }

    static func concert(_ c: PostgresConnection, _ id: ConcertID) async throws -> Concert {
      guard let concert = try await concerts(c, id: id).first else {
        throw BookingError.unknownConcert(id)
      }
      return concert
    }

    /// The dates of `concert`, or date `id`, with what is left to sell at `now`.
    static func dates(
      _ c: PostgresConnection, concert: ConcertID? = nil, id: DateID? = nil, now: Int64
    ) async throws -> [ConcertDate] {
      try await c.all(
        """
        SELECT d.id, d.concert_id, d.starts_at, COUNT(*),
               COUNT(*) FILTER (WHERE st.sale IS NULL),
               COUNT(*) FILTER (WHERE st.sale IS NULL
                 AND (st.held_until IS NULL OR st.held_until <= \(now)))
        FROM concert_date d JOIN seat_state st ON st.date_id = d.id
        WHERE (\(concert?.rawValue)::text IS NULL OR d.concert_id = \(concert?.rawValue))
          AND (\(id?.rawValue)::bigint IS NULL OR d.id = \(id?.rawValue))
        GROUP BY d.id ORDER BY d.starts_at, d.id
        """, as: (Int64, String, Int64, Int64, Int64, Int64).self
      ).map { id, concert, startsAt, count, unsold, left in
        ConcertDate(
          id: DateID(id), concertID: ConcertID(concert), startsAt: Date(millis: startsAt),
          seatsLeft: Int(left), seatCount: Int(count),
          availability: BookingRules.availability(startsAt: startsAt, unsold: Int(unsold), now: now)
        )
      }
    }

    static func date(_ c: PostgresConnection, _ id: DateID, now: Int64) async throws
      -> ConcertDate
    {
      guard let date = try await dates(c, id: id, now: now).first else {
        throw BookingError.unknownDate(id)
      }
      return date
    }

    private static func schedule(_ c: PostgresConnection, _ id: DateID) async throws -> (
      concertID: ConcertID, startsAt: Int64
    ) {
      guard
        let (concert, startsAt) = try await c.first(
          "SELECT concert_id, starts_at FROM concert_date WHERE id = \(id.rawValue)",
          as: (String, Int64).self)
      else { throw BookingError.unknownDate(id) }
      return (ConcertID(concert), startsAt)
    }

    // MARK: Seat maps

    func seats(on date: DateID, _ caller: Caller, context: StoreContext) async throws -> SeatMap {
      try await transaction { c in
        let schedule = try await Self.schedule(c, date)
        try await Self.authorize(
          c, token: caller.token.rawValue, user: caller.user, concert: schedule.concertID,
          context: context)
        let now = context.now
        let concertDate = try await Self.date(c, date, now: now)
        let version = try await Self.seatVersion(c, date)
        let rows = try await c.all(
          """
          WITH p AS (SELECT \(caller.user.rawValue)::text AS user_id, \(now)::bigint AS now)
          SELECT s.id, s.label, s.section, s.row_label, s.number, s.grid_row, s.grid_col,
                 t.name, t.price, t.rank, \(unescaped: Self.stateColumns)
          FROM p, seat_state st
          JOIN seat s ON s.id = st.seat_id
          JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
          WHERE st.date_id = \(date.rawValue)
          ORDER BY s.grid_row, s.grid_col
          """,
          as: (
            Int64, String, String, String, Int64, Int64, Int64, String, Int64, Int64, Int64,
            Int64?
          ).self)
        let seats = rows.map {
          id, label, section, row, number, gridRow, gridColumn, tier, price, rank, state, _ in
          Seat(
            id: SeatID(id), label: label, section: section, row: row, number: Int(number),
            tier: PriceTier(name: tier, price: price, rank: Int(rank)), gridRow: Int(gridRow),
            gridColumn: Int(gridColumn), state: SeatMapStore.states[Int(state)])
        }
        let tiers = try await c.all(
          """
          SELECT name, price, rank FROM tier WHERE concert_id = \(schedule.concertID.rawValue)
          ORDER BY rank
          """, as: (String, Int64, Int64).self
        ).map { PriceTier(name: $0, price: $1, rank: Int($2)) }
        return SeatMap(
          concert: try await Self.concert(c, schedule.concertID), date: concertDate, seats: seats,
          tiers: tiers,
          stamp: SeatMapStore.stamp(version, now: now, ends: rows.compactMap(\.11)))
      }
    }

    func seatChanges(
      date: DateID, concert: ConcertID, since stamp: SeatMapStamp, _ caller: Caller,
      context: StoreContext
    ) async throws -> SeatMapChanges? {
      startListening()
      let token = caller.token.rawValue
      if listener.knowsUnchanged(
        date: date, version: stamp.version, nextExpiry: stamp.nextExpiry?.millis, token: token,
        user: caller.user, concert: concert, now: context.now)
      {
        return nil
      }
      let generation = listener.generation()
      listener.serverChecks.add(1, ordering: .relaxed)
      let (changes, version, turn) = try await transaction(wrote: false) { c in
        let turn = try await Self.checkActive(
          c, token: token, user: caller.user, concert: concert, context: context)
        let version = try await Self.seatVersion(c, date)
        return (
          try await Self.seatChanges(
            c, date: date, version: version, since: stamp, caller, context),
          version, turn
        )
      }
      if let generation {
        listener.remember(
          date: date, version: version, token: token,
          turn: turn.ends.map {
            .init(
              user: caller.user, concert: concert, key: String(turn.digest.prefix(16)), ends: $0,
              generation: generation)
          }, from: generation)
      }
      return changes
    }

    /// The seats of `date` that changed since `stamp`, now at `version`; nil when none did.
    private static func seatChanges(
      _ c: PostgresConnection, date: DateID, version: Int64, since stamp: SeatMapStamp,
      _ caller: Caller, _ context: StoreContext
    ) async throws -> SeatMapChanges? {
      let now = context.now
      let expiry = stamp.nextExpiry?.millis
      let expired = expiry.map { $0 <= now } ?? false
      guard version != stamp.version || expired else { return nil }
      let user = caller.user.rawValue
      var changed = try await c.all(
        """
        WITH p AS (SELECT \(user)::text AS user_id, \(now)::bigint AS now)
        SELECT st.seat_id, \(unescaped: Self.stateColumns)
        FROM p, seat_state st
        WHERE st.date_id = \(date.rawValue) AND st.version > \(stamp.version)
        """, as: (Int64, Int64, Int64?).self)
      if expired {
        changed += try await c.all(
          """
          WITH p AS (SELECT \(user)::text AS user_id, \(now)::bigint AS now)
          SELECT st.seat_id, \(unescaped: Self.stateColumns)
          FROM p, seat_state st
          WHERE st.date_id = \(date.rawValue) AND st.held_until > \(stamp.readAt.millis)
            AND st.held_until <= \(now)
          """, as: (Int64, Int64, Int64?).self)
      }
      var ends = changed.compactMap(\.2)
      if let expiry, !expired { ends.append(expiry) }
      if expired {
        // The earliest end left is not known from the changes alone.
        if let next = try await c.first(
          """
          SELECT MIN(held_until) FROM seat_state
          WHERE date_id = \(date.rawValue) AND sale IS NULL AND held_until > \(now)
          """, as: Int64?.self), let next
        {
          ends.append(next)
        }
      }
      return SeatMapChanges(
        seats: changed.map { (SeatID($0.0), SeatMapStore.states[Int($0.1)]) },
        stamp: SeatMapStore.stamp(version, now: now, ends: ends), now: now)
    }

    private static func seatVersion(_ c: PostgresConnection, _ date: DateID) async throws
      -> Int64
    {
      guard
        let version = try await c.first(
          "SELECT seat_version FROM concert_date WHERE id = \(date.rawValue)", as: Int64.self)
      else { throw BookingError.unknownDate(date) }
      return version
    }

    /// A seat's state as `p.user_id` sees it at `p.now` (an index into
    /// ``SeatMapStore/states``), and when a live hold on it ends.
    private static let stateColumns = """
      CASE WHEN st.sale IS NOT NULL THEN CASE WHEN st.sold_to = p.user_id THEN 4 ELSE 2 END
           WHEN st.held_until > p.now THEN CASE WHEN st.holder = p.user_id THEN 3 ELSE 1 END
           ELSE 0 END::bigint,
      CASE WHEN st.sale IS NULL AND st.held_until > p.now THEN st.held_until END
      """

    // MARK: Holds

    func hold(seats requested: [SeatID], on dateID: DateID, _ caller: Caller, context: StoreContext)
      async throws -> Hold
    {
      try await transaction { c in
        let now = context.now
        let user = caller.user
        let digest = TokenDigest.of(caller.token.rawValue)
        let date: (concertID: ConcertID, startsAt: Int64)
        let token: String
        // The hot path: the user's running turn kept alive by the statement that reads the
        // date. Anything else goes the long way, which says why.
        if let (stored, concert, startsAt) = try await c.firstRow(
          Prepared(PostgresStatement.KeepTurnForDate.self) {
            $0.append(digest)
            $0.append(user.rawValue)
            $0.append(now)
            $0.append(dateID.rawValue)
          }, as: (String, String, Int64).self), TokenDigest.matches(stored, digest)
        {
          (date, token) = ((ConcertID(concert), startsAt), stored)
        } else {
          date = try await Self.schedule(c, dateID)
          token = try await Self.authorize(
            c, token: caller.token.rawValue, user: user, concert: date.concertID, context: context)
        }
        guard date.startsAt > now else { throw BookingError.dateInPast(dateID) }
        do {
          return try await Self.take(
            c, seats: requested, date: dateID, concert: date.concertID, user: user, token: token,
            context: context)
        } catch let refusal as BookingError {
          // A sold-out date is the reason for any refusal.
          guard
            try await c.first(
              "SELECT 1 FROM seat_state WHERE date_id = \(dateID.rawValue) AND sale IS NULL LIMIT 1",
              as: Int64.self) != nil
          else { throw BookingError.dateSoldOut(dateID) }
          throw refusal
        }
      }
    }

    /// Takes the seats in two statements: what the rules decide on (the seats already the
    /// user's, each seat's price), then every write at once; any refusal rolls it back.
    private static func take(
      _ c: PostgresConnection, seats requested: [SeatID], date dateID: DateID,
      concert: ConcertID, user: UserID, token: String, context: StoreContext
    ) async throws -> Hold {
      let now = context.now
      let seatIDs = try BookingRules.distinctSeats(requested)
      let rows = try await c.rows(
        Prepared(PostgresStatement.SeatsToHold.self) {
          $0.append(user.rawValue)
          $0.append(dateID.rawValue)
          $0.append(now)
          $0.append(seatIDs.map(\.rawValue))
          $0.append(concert.rawValue)
        }
      ).map { try $0.decode((Int64, String?, String?, Int64?).self) }
      try BookingRules.checkSeatLimit(
        requested: seatIDs.count, alreadyYours: Int(rows.first?.0 ?? 0), policy: context.policy)
      var seats: [HeldSeat] = []
      for (id, (_, label, tier, price)) in zip(seatIDs, rows) {
        guard let label, let tier, let price else { throw BookingError.unknownSeat("\(id)") }
        seats.append(HeldSeat(id: id, label: label, tier: tier, price: price))
      }
      let amount = try BookingRules.total(seats)
      let expiresAt = now + context.policy.holdDuration.millis
      let (holdID, taken) = try await c.firstRow(
        Prepared(PostgresStatement.TakeSeats.self) {
          $0.append(user.rawValue)
          $0.append(dateID.rawValue)
          $0.append(token)
          $0.append(now)
          $0.append(expiresAt)
          $0.append(amount)
          $0.append(seats.map(\.id.rawValue))
          $0.append(seats.map(\.price))
        }, as: (Int64, [Int64]).self)!
      let takenSeats = Set(taken)
      // The first seat (in the order asked) that could not be taken says why.
      if let lost = seats.first(where: { !takenSeats.contains($0.id.rawValue) }) {
        let state = try await c.first(
          """
          SELECT holder, sale FROM seat_state
          WHERE date_id = \(dateID.rawValue) AND seat_id = \(lost.id.rawValue)
          """, as: (String?, String?).self)
        throw BookingRules.seatRefusal(
          lost, sold: state?.1 != nil, holder: state?.0 ?? nil, user: user)
      }
      return Hold(
        id: HoldID(holdID), user: user, dateID: dateID, concertID: concert, seats: seats,
        createdAt: Date(millis: now), expiresAt: Date(millis: expiresAt), amount: amount)
    }

    func release(hold id: HoldID, user: UserID, now: Int64) async throws {
      try await transaction { c in
        let record = try await Self.owned(c, id, user: user, lock: true)
        if record.payment != nil { throw BookingError.holdAlreadyPaid(id) }
        try await c.run(
          """
          UPDATE hold SET released_at = \(now) WHERE id = \(id.rawValue) AND released_at IS NULL
          """)
        try await c.run(
          """
          UPDATE seat_state SET hold_id = NULL, holder = NULL, held_until = NULL
          WHERE hold_id = \(id.rawValue) AND sale IS NULL
          """)
      }
    }

    func hold(_ id: HoldID, user: UserID) async throws -> Hold {
      try await transaction { c in try await Self.owned(c, id, user: user).hold }
    }

    func liveHolds(user: UserID, now: Int64) async throws -> [LiveHold] {
      // Only reads (the app asks every 2 s): what live views know still holds.
      try await transaction(wrote: false) { c in
        let ids = try await c.all(
          """
          SELECT h.id FROM hold h
          WHERE h.user_id = \(user.rawValue) AND h.released_at IS NULL
            AND h.expires_at > \(now)
            AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.hold_id = h.id)
          ORDER BY h.expires_at, h.id
          """, as: Int64.self)
        var holds: [LiveHold] = []
        for id in ids {
          let hold = try await Self.owned(c, HoldID(id), user: user).hold
          holds.append(
            LiveHold(
              hold: hold, concert: try await Self.concert(c, hold.concertID),
              date: try await Self.date(c, hold.dateID, now: now)))
        }
        return holds
      }
    }

    /// The hold with its date and payment, if it is the user's; `lock` keeps its row
    /// locked until the transaction ends, so two payments of one hold run one at a time.
    private static func owned(
      _ c: PostgresConnection, _ id: HoldID, user: UserID, lock: Bool = false
    ) async throws -> HoldStore.Record {
      if lock {
        try await c.perform(Prepared(PostgresStatement.LockHold.self) { $0.append(id.rawValue) })
      }
      let rows = try await c.rows(
        Prepared(PostgresStatement.HoldRecord.self) { $0.append(id.rawValue) }
      )
      .map {
        try $0.decode(
          (
            String, Int64, Int64, Int64, Int64?, Int64, String, Int64, Int64?, Int64?, Int64?,
            Int64?, String?, String?, Int64?
          ).self)
      }
      guard
        let (
          owner, date, created, expires, released, amount, concert, startsAt, paymentID,
          paidAt, balanceAfter, _, _, _, _
        ) = rows.first
      else { throw BookingError.unknownHold(id) }
      guard UserID(owner) == user else { throw BookingError.holdOfAnotherUser(id) }
      let seats = rows.compactMap { row -> HeldSeat? in
        guard let seat = row.11, let label = row.12, let tier = row.13, let price = row.14
        else { return nil }
        return HeldSeat(id: SeatID(seat), label: label, tier: tier, price: price)
      }
      return HoldStore.Record(
        hold: Hold(
          id: id, user: user, dateID: DateID(date), concertID: ConcertID(concert), seats: seats,
          createdAt: Date(millis: created), expiresAt: Date(millis: expires), amount: amount),
        startsAt: startsAt, released: released != nil,
        payment: paymentID.map {
          HoldStore.Record.Paid(id: $0, paidAt: paidAt ?? 0, balanceAfter: balanceAfter ?? 0)
        })
    }

    // MARK: Payments

    func pay(hold id: HoldID, _ caller: Caller, context: StoreContext) async throws -> Payment {
      try await transaction { c in
        let now = context.now
        let user = caller.user
        let record = try await Self.owned(c, id, user: user, lock: true)
        if let earlier = BookingRules.earlierPayment(record) { return earlier }
        let hold = record.hold
        // Uses the token up; any refusal below rolls that back with the rest.
        let turns = try await Self.useTurn(
          c, token: caller.token.rawValue, user: user, concert: hold.concertID, context: context)
        try BookingRules.checkPayable(record, now: now)
        guard
          let (paymentID, balanceAfter, sold) = try await c.firstRow(
            Prepared(PostgresStatement.PayWrite.self) {
              $0.append(id.rawValue)
              $0.append(user.rawValue)
              $0.append(hold.amount)
              $0.append(now)
              $0.append(hold.dateID.rawValue)
              $0.append(PointEntry.Kind.payment.rawValue)
              $0.append(hold.concertID.rawValue)
              $0.append(turns?.mean)
              $0.append(turns?.lapseShare)
              $0.append(turns?.claimFlow ?? 0)
              $0.append(turns != nil)
            }, as: (Int64, Int64, Int64).self)
        else {
          throw BookingError.insufficientBalance(
            balance: try await Self.balance(c, user: user), price: hold.amount)
        }
        // Every seat must still be this hold's; anything else means it was lost.
        guard sold == hold.seats.count else { throw BookingError.holdExpired(id, secondsAgo: 0) }
        return Payment(
          id: PaymentID(paymentID), holdID: id, user: user, amount: hold.amount,
          paidAt: Date(millis: now), balanceAfter: balanceAfter, seats: hold.seats)
      }
    }

    func tickets(user: UserID) async throws -> [Ticket] {
      try await transaction { c in
        let concerts = Dictionary(
          uniqueKeysWithValues: try await Self.concerts(c).map { ($0.id, $0) })
        return try await c.all(
          """
          SELECT s.id, s.label, s.tier, tk.price, tk.id, tk.payment_id, tk.date_id, d.concert_id,
                 d.starts_at, p.paid_at
          FROM ticket tk
          JOIN concert_date d ON d.id = tk.date_id
          JOIN seat s ON s.id = tk.seat_id
          JOIN payment p ON p.id = tk.payment_id
          WHERE tk.user_id = \(user.rawValue)
          ORDER BY d.starts_at, s.grid_row, s.grid_col
          """,
          as: (Int64, String, String, Int64, Int64, Int64, Int64, String, Int64, Int64).self
        ).compactMap { seat, label, tier, price, id, payment, date, concert, startsAt, paidAt in
          guard let concert = concerts[ConcertID(concert)] else { return nil }
          return Ticket(
            id: id, paymentID: PaymentID(payment), concert: concert, dateID: DateID(date),
            startsAt: Date(millis: startsAt),
            seat: HeldSeat(id: SeatID(seat), label: label, tier: tier, price: price),
            paidAt: Date(millis: paidAt))
        }
      }
    }

    // MARK: Points

    func balance(user: UserID) async throws -> PointAccount {
      try await transaction { c in
        let ledger = try await c.all(
          """
          SELECT id, kind, delta, balance_after, at, payment_id FROM ledger
          WHERE user_id = \(user.rawValue) ORDER BY id
          """, as: (Int64, String, Int64, Int64, Int64, Int64?).self
        ).map { id, kind, delta, after, at, payment in
          PointEntry(
            id: id, kind: PointEntry.Kind(rawValue: kind) ?? .charge, delta: delta,
            balanceAfter: after, at: Date(millis: at), paymentID: payment.map(PaymentID.init))
        }
        return PointAccount(
          user: user, balance: try await Self.balance(c, user: user), ledger: ledger)
      }
    }

    func charge(user: UserID, amount: Int64, context: StoreContext) async throws -> PointEntry {
      try await transaction { c in
        // The account's row, made if need be and locked: two charges check the cap in turn.
        try await c.run(
          """
          INSERT INTO account (user_id, balance) VALUES (\(user.rawValue), 0)
          ON CONFLICT (user_id) DO NOTHING
          """)
        let balance = try await c.first(
          "SELECT balance FROM account WHERE user_id = \(user.rawValue) FOR UPDATE",
          as: Int64.self)!
        try BookingRules.checkCharge(balance: balance, amount: amount, policy: context.policy)
        let after = try await c.first(
          """
          UPDATE account SET balance = balance + \(amount) WHERE user_id = \(user.rawValue)
          RETURNING balance
          """, as: Int64.self)!
        return try await Self.appendLedger(
          c, user: user, kind: .charge, delta: amount, balanceAfter: after, paymentID: nil,
          now: context.now)
      }
    }

    private static func balance(_ c: PostgresConnection, user: UserID) async throws -> Int64 {
      try await c.first(
        "SELECT balance FROM account WHERE user_id = \(user.rawValue)", as: Int64.self) ?? 0
    }

    @discardableResult
    private static func appendLedger(
      _ c: PostgresConnection, user: UserID, kind: PointEntry.Kind, delta: Int64,
      balanceAfter: Int64, paymentID: Int64?, now: Int64
    ) async throws -> PointEntry {
      let id = try await c.first(
        """
        INSERT INTO ledger (user_id, kind, delta, balance_after, payment_id, at)
        VALUES (\(user.rawValue), \(kind.rawValue), \(delta), \(balanceAfter), \(paymentID),
                \(now))
        RETURNING id
        """, as: Int64.self)!
      return PointEntry(
        id: id, kind: kind, delta: delta, balanceAfter: balanceAfter, at: Date(millis: now),
        paymentID: paymentID.map(PaymentID.init))
    }

    // MARK: Operators

    func seed(_ catalog: Catalog) async throws {
      try await transaction { c in try await Self.seed(c, catalog) }
    }

    func seedIfEmpty(_ catalog: @escaping @Sendable () -> Catalog) async throws -> Bool {
      try await transaction { c in
        // One seeder at a time: a second finds the concerts the first added.
        try await c.run("LOCK TABLE concert IN SHARE ROW EXCLUSIVE MODE")
        guard try await c.first("SELECT 1 FROM concert LIMIT 1", as: Int64.self) == nil else {
          return false
        }
        try await Self.seed(c, catalog())
        return true
      }
    }

    func reset(to catalog: Catalog) async throws {
      try await transaction { c in
        try await c.run(
          """
          TRUNCATE ledger, account, ticket, seat_state, payment, hold_seat, hold, queue_token,
            queue_fenwick,
            queue_line, concert_date, seat, tier, concert
          """)
        try await Self.seed(c, catalog)
      }
    }

    private static func seed(_ c: PostgresConnection, _ catalog: Catalog) async throws {
      let order = try await c.first(
        "SELECT COALESCE(MAX(sort_order), 0) FROM concert", as: Int64.self)!
      for (index, spec) in catalog.concerts.enumerated() {
        let concert = spec.id.rawValue
        try await c.run(
          """
          INSERT INTO concert (id, title, venue, sale_opens_at, sort_order)
          VALUES (\(concert), \(spec.title), \(spec.venue), \(spec.saleOpensAt?.millis),
                  \(order + Int64(index) + 1))
          """)
        for tier in spec.tiers {
          try await c.run(
            """
            INSERT INTO tier (concert_id, name, price, rank)
            VALUES (\(concert), \(tier.name), \(tier.price), \(Int64(tier.rank)))
            """)
        }
        // One statement for the whole hall, in the catalog's order (so ids follow it).
        try await c.run(
          """
          INSERT INTO seat (concert_id, label, section, row_label, number, tier, grid_row, grid_col)
          SELECT \(concert), label, section, row_label, number, tier, grid_row, grid_col
          FROM unnest(\(spec.seats.map(\.label)), \(spec.seats.map(\.section)),
                      \(spec.seats.map(\.row)), \(spec.seats.map { Int64($0.number) }),
                      \(spec.seats.map(\.tier)), \(spec.seats.map { Int64($0.gridRow) }),
                      \(spec.seats.map { Int64($0.gridColumn) }))
               WITH ORDINALITY AS x(label, section, row_label, number, tier, grid_row, grid_col, n)
          ORDER BY n
          """)
        for date in spec.dates {
          let dateID = try await c.first(
            """
            INSERT INTO concert_date (concert_id, starts_at)
            VALUES (\(concert), \(date.startsAt.millis)) RETURNING id
            """, as: Int64.self)!
          try await c.run(
            """
            INSERT INTO seat_state (date_id, seat_id)
            SELECT \(dateID), id FROM seat WHERE concert_id = \(concert)
            """)
          let sold = date.soldElsewhere.sorted().map { $0.lowercased() }
          if !sold.isEmpty {
            try await c.run(
              """
              UPDATE seat_state SET sale = 'box_office'
              WHERE date_id = \(dateID) AND seat_id IN (
                SELECT id FROM seat WHERE concert_id = \(concert) AND lower(label) = ANY(\(sold)))
              """)
          }
        }
      }
    }

    func audit() async throws -> SalesAudit {
      try await transaction { c in
        func count(_ sql: String) async throws -> Int {
          try await c.count(PostgresQuery(unsafeSQL: sql))
        }
        return SalesAudit(
          ticketsSold: try await count(AuditSQL.ticketsSold),
          seatsSoldTwice: try await count(AuditSQL.seatsSoldTwice),
          ticketsNotMatchingSeats: try await count(AuditSQL.ticketsNotMatchingSeats),
          balancesNotMatchingLedgers: try await count(AuditSQL.balancesNotMatchingLedgers),
          paymentsNotInLedgers: try await count(AuditSQL.paymentsNotInLedgers),
          paymentsNotMatchingHolds: try await count(AuditSQL.paymentsNotMatchingHolds),
          seatsSoldWithoutTickets: try await count(AuditSQL.seatsSoldWithoutTickets),
          ledgerPaymentsWithoutPayments: try await count(AuditSQL.ledgerPaymentsWithoutPayments),
          holdsWithoutSeats: try await count(AuditSQL.holdsWithoutSeats),
          seatsHeldWrongly: try await count(AuditSQL.seatsHeldWrongly))
      }
    }
  }
#endif
