import Foundation
import GRDB

/// The embedded store: one SQLite file (GRDB) shared by every process that opens it.
/// Each call runs the SQLite stores (``QueueStore``, ``HoldStore``…) in one IMMEDIATE
/// transaction, or on a snapshot where it only reads.
struct SQLiteStore: BookingStore {
  let database: BookingDatabase

  var location: String { database.path }

  /// None: a refresh's change check is one indexed read of the local file, cheaper than
  /// any announcement, and other processes' writes reach a file without one.
  func changes() -> AsyncStream<BookingChange>? { nil }

  private func write<T>(_ body: (Database) throws -> T) async throws -> T {
    try await database.transaction(body)
  }

  private func read<T>(_ body: (Database) throws -> T) async throws -> T {
    try await database.read(body)
  }

  // MARK: Queue

  func issueToken(
    user: UserID, concert: ConcertID, context: StoreContext,
    newToken: @escaping @Sendable () -> String
  ) async throws -> QueueToken {
    try await write { db in
      try QueueStore.issue(db, user: user, concert: concert, context: context, newToken: newToken)
        .publicToken
    }
  }

  func queueStatus(_ caller: Caller, context: StoreContext) async throws -> QueueStatus {
    // Most polls change nothing: answer them from a snapshot, without the write lock;
    // a waiter far back is noted now and then, one row and nothing else.
    switch try await read({ db in
      try QueueStore.peekStatus(
        db, token: caller.token.rawValue, user: caller.user, context: context)
    }) {
    case .answered(let status):
      return status
    case .waiterToNote(let status, let digest):
      if try await write({ db in try QueueStore.noteWaiter(db, token: digest, now: context.now) }) {
        return status
      }
    case .lineWorkDue:
      break
    }
    return try await write { db in
      try QueueStore.status(db, token: caller.token.rawValue, user: caller.user, context: context)
    }
  }

  func claimTurn(_ caller: Caller, context: StoreContext) async throws -> QueueStatus {
    try await write { db in
      try QueueStore.claim(db, token: caller.token.rawValue, user: caller.user, context: context)
    }
  }

  func leaveQueue(_ caller: Caller, context: StoreContext) async throws {
    try await write { db in
      try QueueStore.leave(db, token: caller.token.rawValue, user: caller.user, context: context)
    }
  }

  func setAdmissionPaused(_ paused: Bool, concert: ConcertID, context: StoreContext) async throws {
    try await write { db in
      try Self.requireConcert(db, concert)
      try QueueStore.setPaused(db, concert: concert, paused: paused, context: context)
    }
  }

  func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID, context: StoreContext)
    async throws
  {
    try await write { db in
      try Self.requireConcert(db, concert)
      try QueueStore.setPolicy(db, concert: concert, policy: policy, context: context)
    }
  }

  func queuePolicy(concert: ConcertID, context: StoreContext) async throws -> QueuePolicy {
    try await read { db in
      try Self.requireConcert(db, concert)
      return try QueueStore.policy(db, concert: concert, context: context)
    }
  }

  // MARK: Catalog and seats

  func concerts() async throws -> [Concert] {
    try await read { db in try CatalogStore.concerts(db) }
  }

  func dates(of concert: ConcertID, _ caller: Caller, context: StoreContext) async throws
    -> [ConcertDate]
  {
    try await write { db in
      try Self.requireConcert(db, concert)
      try QueueStore.authorize(
        db, token: caller.token.rawValue, user: caller.user, concert: concert, context: context)
      return try CatalogStore.dates(db, concert: concert, now: context.now)
    }
  }

  func concertDate(_ id: DateID, now: Int64) async throws -> ConcertDate {
    try await read { db in try CatalogStore.date(db, id, now: now) }
  }

  func seats(on date: DateID, _ caller: Caller, context: StoreContext) async throws -> SeatMap {
    try await write { db in
      let schedule = try CatalogStore.schedule(db, date)
      try QueueStore.authorize(
        db, token: caller.token.rawValue, user: caller.user, concert: schedule.concertID,
        context: context)
      return try SeatMapStore.read(db, date: date, user: caller.user, now: context.now)
    }
  }

  func seatChanges(
    date: DateID, concert: ConcertID, since stamp: SeatMapStamp, _ caller: Caller,
    context: StoreContext
  ) async throws -> SeatMapChanges? {
    try await read { db in
      try QueueStore.checkActive(
        db, token: caller.token.rawValue, user: caller.user, concert: concert, context: context)
      return try SeatMapStore.changes(
        db, date: date, since: stamp, user: caller.user, now: context.now)
    }
  }

  // MARK: Holds and payments

  func hold(seats: [SeatID], on date: DateID, _ caller: Caller, context: StoreContext)
    async throws -> Hold
  {
    try await write { db in
      try HoldStore.hold(
        db, seats: seats, date: date, user: caller.user, token: caller.token.rawValue,
        context: context)
    }
  }

  func release(hold: HoldID, user: UserID, now: Int64) async throws {
    try await write { db in try HoldStore.release(db, hold: hold, user: user, now: now) }
  }

  func hold(_ id: HoldID, user: UserID) async throws -> Hold {
    try await read { db in try HoldStore.owned(db, id, user: user).hold }
  }

  func liveHolds(user: UserID, now: Int64) async throws -> [LiveHold] {
    try await read { db in try LiveHoldStore.holds(db, user: user, now: now) }
  }

  func pay(hold: HoldID, _ caller: Caller, context: StoreContext) async throws -> Payment {
    try await write { db in
      try PaymentStore.pay(
        db, hold: hold, user: caller.user, token: caller.token.rawValue, context: context)
    }
  }

  func tickets(user: UserID) async throws -> [Ticket] {
    try await read { db in try PaymentStore.tickets(db, user: user) }
  }

  // MARK: Points

  func balance(user: UserID) async throws -> PointAccount {
    try await read { db in try PointStore.account(db, user: user) }
  }

  func charge(user: UserID, amount: Int64, context: StoreContext) async throws -> PointEntry {
    try await write { db in try PointStore.charge(db, user: user, amount: amount, context: context)
    }
  }

  // MARK: Operators

  func seed(_ catalog: Catalog) async throws {
    try await write { db in try CatalogStore.seed(db, catalog) }
  }

  func seedIfEmpty(_ catalog: @escaping @Sendable () -> Catalog) async throws -> Bool {
    // The check reads a snapshot: only an empty database is written to.
    guard try await read({ db in try CatalogStore.isEmpty(db) }) else { return false }
    let catalog = catalog()
    return try await write { db in
      guard try CatalogStore.isEmpty(db) else { return false }
      try CatalogStore.seed(db, catalog)
      return true
    }
  }

  func reset(to catalog: Catalog) async throws {
    try await write { db in
      try CatalogStore.wipe(db)
      try CatalogStore.seed(db, catalog)
    }
  }

  func audit() async throws -> SalesAudit {
    try await read { db in try AuditStore.audit(db) }
  }

  private static func requireConcert(_ db: Database, _ concert: ConcertID) throws {
    guard try CatalogStore.concertExists(db, concert) else {
      throw BookingError.unknownConcert(concert)
    }
  }
}
