import Foundation

/// Where a sale is kept: one implementation per database, each with its own SQL, below the
/// rules. ``BookingEngine`` validates its arguments, normalises the caller and takes the
/// time before it calls a store; a store reads what ``QueueRules`` and ``BookingRules``
/// need, lets them decide, and writes the outcome in one transaction per call.
///
/// A new engine operation adds one requirement here, implemented by ``SQLiteStore`` and by
/// `PostgresStore` (built with the `PostgreSQL` trait), and runs in the contract tests
/// against both.
protocol BookingStore: Sendable {
  /// Where the store is, for messages: a file path, or a server URL without a password.
  var location: String { get }
  /// What other engines change, as it is announced; nil when the store announces nothing.
  func changes() -> AsyncStream<BookingChange>?

  // MARK: Queue
  func issueToken(
    user: UserID, concert: ConcertID, context: StoreContext,
    newToken: @escaping @Sendable () -> String
  ) async throws -> QueueToken
  func queueStatus(_ caller: Caller, context: StoreContext) async throws -> QueueStatus
  func claimTurn(_ caller: Caller, context: StoreContext) async throws -> QueueStatus
  func leaveQueue(_ caller: Caller, context: StoreContext) async throws
  func setAdmissionPaused(_ paused: Bool, concert: ConcertID, context: StoreContext) async throws
  func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID, context: StoreContext)
    async throws
  func queuePolicy(concert: ConcertID, context: StoreContext) async throws -> QueuePolicy

  // MARK: Catalog and seats
  func concerts() async throws -> [Concert]
  func dates(of concert: ConcertID, _ caller: Caller, context: StoreContext) async throws
    -> [ConcertDate]
  func concertDate(_ id: DateID, now: Int64) async throws -> ConcertDate
  func seats(on date: DateID, _ caller: Caller, context: StoreContext) async throws -> SeatMap
  /// What changed on a map since `stamp`, nil when nothing did; neither claims nor extends
  /// the caller's turn.
  func seatChanges(
    date: DateID, concert: ConcertID, since stamp: SeatMapStamp, _ caller: Caller,
    context: StoreContext
  ) async throws -> SeatMapChanges?

  // MARK: Holds and payments
  func hold(seats: [SeatID], on date: DateID, _ caller: Caller, context: StoreContext)
    async throws -> Hold
  func release(hold: HoldID, user: UserID, now: Int64) async throws
  func hold(_ id: HoldID, user: UserID) async throws -> Hold
  func liveHolds(user: UserID, now: Int64) async throws -> [LiveHold]
  func pay(hold: HoldID, _ caller: Caller, context: StoreContext) async throws -> Payment
  func tickets(user: UserID) async throws -> [Ticket]

  // MARK: Points
  func balance(user: UserID) async throws -> PointAccount
  func charge(user: UserID, amount: Int64, context: StoreContext) async throws -> PointEntry

  // MARK: Operators
  func seed(_ catalog: Catalog) async throws
  /// Seeds `catalog` only into a store without concerts; returns whether it did.
  func seedIfEmpty(_ catalog: @escaping @Sendable () -> Catalog) async throws -> Bool
  /// Deletes everything and seeds `catalog`.
  func reset(to catalog: Catalog) async throws
  func audit() async throws -> SalesAudit

  // MARK: Box office (who may act: ``OperatorRules``; what a rule changes: ``QueueRule``)
  func operators() async throws -> [Operator]
  func mayAct(_ user: UserID) async throws -> Bool
  func addOperator(_ name: UserID, by caller: UserID, now: Int64) async throws
  func removeOperator(_ name: UserID, by caller: UserID) async throws
  func change(_ rule: QueueRule, concert: ConcertID, by caller: UserID, context: StoreContext)
    async throws
  func setQueuePolicy(
    _ policy: QueuePolicy, concert: ConcertID, by caller: UserID, context: StoreContext
  ) async throws
  /// Reads without a lock that makes a buyer wait.
  func boxOffice(concert: ConcertID, viewer: UserID, context: StoreContext) async throws
    -> BoxOffice
  /// `boxOffice` again when nothing it shows changed (``BoxOfficeRules``), else a new read.
  func refresh(_ boxOffice: BoxOffice, context: StoreContext) async throws -> BoxOffice
}
