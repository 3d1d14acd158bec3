import Foundation

// The seed's operations, plus release, tickets and catalog seeding.
extension BookingEngine {
  // MARK: - Queue

  /// Puts `user` at the back of the line for `concert`.
  ///
  /// Someone already in line keeps their place but gets a new token, and the one they had
  /// stops working: the database keeps only a token's SHA-256, so it cannot hand the old
  /// value back. Keep the token where every client of the user finds it (the `encore`
  /// command line keeps it in its token jar).
  public func issueToken(user: UserID, concert: ConcertID) async throws -> QueueToken {
    let user = try UserName.normalized(user.rawValue)
    return try await store.issueToken(
      user: user, concert: concert, context: context, newToken: Self.makeTokenValue)
  }

  /// Where the caller stands in line: a read, which never claims or extends a turn.
  /// Reading it may let the next people in.
  public func queueStatus(_ caller: Caller) async throws -> QueueStatus {
    try await store.queueStatus(try Self.normalized(caller), context: context)
  }

  /// Claims a turn just let in, as a booking call would, and says where it stands.
  ///
  /// An admitted user who makes no booking call within the line's claim window loses
  /// the turn; a client that waits for admission on the person's behalf (such as
  /// `encore queue join --wait`) claims at once.
  public func claimTurn(_ caller: Caller) async throws -> QueueStatus {
    try await store.claimTurn(try Self.normalized(caller), context: context)
  }

  /// Leaves the line, or ends an active turn, freeing the place for the next person.
  public func leaveQueue(_ caller: Caller) async throws {
    try await store.leaveQueue(try Self.normalized(caller), context: context)
  }

  /// Stops letting people in to `concert` (the line keeps its order), or starts again.
  public func setAdmissionPaused(_ paused: Bool, concert: ConcertID) async throws {
    try await store.setAdmissionPaused(paused, concert: concert, context: context)
  }

  /// Replaces the rules of a concert's line (capacity, rate, timeouts) for every process.
  public func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID) async throws {
    try policy.validate()
    try await store.setQueuePolicy(policy, concert: concert, context: context)
  }

  /// The rules a concert's line admits by.
  public func queuePolicy(concert: ConcertID) async throws -> QueuePolicy {
    try await store.queuePolicy(concert: concert, context: context)
  }

  // MARK: - Catalog

  /// Every concert on sale, in display order. Needs no token.
  public func concerts() async throws -> [Concert] {
    try await store.concerts()
  }

  /// The concert's dates with seats left; past and sold-out dates are marked.
  public func dates(of concert: ConcertID, _ caller: Caller) async throws -> [ConcertDate] {
    try await store.dates(of: concert, try Self.normalized(caller), context: context)
  }

  /// One date with what is left to sell. Needs no token: dates are public.
  public func concertDate(_ id: DateID) async throws -> ConcertDate {
    try await store.concertDate(id, now: clock.now().millis)
  }

  /// Every seat of a date with its state as the caller sees it. Asking is a booking call:
  /// it claims and extends the caller's turn (use ``refresh(_:_:)`` to keep a map live).
  public func seats(on date: DateID, _ caller: Caller) async throws -> SeatMap {
    try await store.seats(on: date, try Self.normalized(caller), context: context)
  }

  /// Brings a seat map up to date: a read on a snapshot that never takes the write lock
  /// and never counts as the caller's activity (an open map does not keep a turn alive).
  ///
  /// Unchanged, the map comes back as it was after one indexed look-up; otherwise only
  /// the seats that changed are read again. The caller's turn must still be running.
  ///
  /// For example:
  ///
  /// ```swift
  /// var map = try await engine.seats(on: date, caller)
  /// map = try await engine.refresh(map, caller)  // every second while it is on screen
  /// ```
  ///
  /// The map is taken, not copied: passed as its only copy (as above), the changed seats
  /// are patched in place instead of copying every seat.
  public func refresh(_ map: consuming SeatMap, _ caller: Caller) async throws -> SeatMap {
    let caller = try Self.normalized(caller)
    let (concert, date, stamp) = (map.concert.id, map.date.id, map.stamp)
    let changes = try await store.seatChanges(
      date: date, concert: concert, since: stamp, caller, context: context)
    var updated = consume map
    if let changes { SeatMapStore.apply(changes, to: &updated) }
    return updated
  }

  // MARK: - Holds and payments

  /// Holds all of `seats` on `date` for the policy's hold duration, or none of them.
  public func hold(seats: [SeatID], on date: DateID, _ caller: Caller) async throws -> Hold {
    try await store.hold(seats: seats, on: date, try Self.normalized(caller), context: context)
  }

  /// Gives a hold's seats back at once. Needs no token: a hold is always its owner's to drop.
  public func release(hold: HoldID, user: UserID) async throws {
    let user = try UserName.normalized(user.rawValue)
    try await store.release(hold: hold, user: user, now: clock.now().millis)
  }

  /// A hold of the user's, as it stands.
  public func hold(_ id: HoldID, user: UserID) async throws -> Hold {
    try await store.hold(id, user: try UserName.normalized(user.rawValue))
  }

  /// Pays for a hold with points: deducts, sells the seats and uses up the token, atomically.
  /// Paying a paid hold again returns the first payment and charges nothing.
  /// Refused once the date has started.
  public func pay(hold: HoldID, _ caller: Caller) async throws -> Payment {
    try await store.pay(hold: hold, try Self.normalized(caller), context: context)
  }

  /// The seats the user has bought, by date.
  public func tickets(user: UserID) async throws -> [Ticket] {
    try await store.tickets(user: try UserName.normalized(user.rawValue))
  }

  // MARK: - Points

  /// The user's balance and every entry of their ledger. Unknown users have 0 and no entries.
  public func balance(user: UserID) async throws -> PointAccount {
    try await store.balance(user: try UserName.normalized(user.rawValue))
  }

  /// Adds `amount` won to the user's points.
  @discardableResult
  public func charge(user: UserID, amount: Int64) async throws -> PointEntry {
    let user = try UserName.normalized(user.rawValue)
    guard amount > 0 else { throw BookingError.invalidAmount(amount) }
    guard amount <= policy.maxCharge else {
      throw BookingError.chargeTooLarge(amount, limit: policy.maxCharge)
    }
    return try await store.charge(user: user, amount: amount, context: context)
  }

  // MARK: - Operators

  /// Adds a catalog's concerts, seats and dates; prices and times outside ``Won/limit``
  /// and the years 1970–9999 are refused.
  public func seed(_ catalog: Catalog) async throws {
    try catalog.validate()
    try await store.seed(catalog)
  }

  /// Seeds the demo catalog unless the database already has concerts. Returns whether it did.
  /// The check reads a snapshot: only an empty database is written to.
  @discardableResult
  public func seedDemoCatalogIfEmpty() async throws -> Bool {
    let now = clock.now()
    return try await store.seedIfEmpty { DemoCatalog.make(now: now) }
  }

  /// Deletes everything — concerts, holds, payments, points, tokens — and seeds the demo again.
  public func resetToDemoCatalog() async throws {
    try await store.reset(to: DemoCatalog.make(now: clock.now()))
  }

  /// Checks the whole database: no seat sold twice, every ticket matches its seat and
  /// every payment its hold, every balance equals its ledger.
  public func audit() async throws -> SalesAudit {
    try await store.audit()
  }

  // MARK: - Helpers

  /// 128 random bits from the system generator, never derived from the user or the time.
  @Sendable static func makeTokenValue() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }
      .joined()
  }

  /// The caller with their name normalised (see ``UserName``).
  static func normalized(_ caller: Caller) throws -> Caller {
    Caller(user: try UserName.normalized(caller.user.rawValue), token: caller.token)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
