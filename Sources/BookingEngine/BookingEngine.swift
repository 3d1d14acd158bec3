import Foundation
import GRDB

/// The booking engine: every operation of a sale, on one shared database.
///
/// Any number of engines — in one process or many — may open the same file; the
/// database alone decides who gets a seat. Booking calls (dates, seats, hold, pay)
/// need the caller's active queue token.
///
/// For example:
///
/// ```swift
/// let engine = try BookingEngine.open(path: "encore.sqlite")
/// try await engine.seedDemoCatalogIfEmpty()
/// let token = try await engine.issueToken(user: "alice", concert: "garden")
/// let caller = Caller(user: "alice", token: token.value)
/// if try await engine.queueStatus(caller).isActive {
///   let dates = try await engine.dates(of: "garden", caller)
/// }
/// ```
public final class BookingEngine: Sendable {
  public let policy: BookingPolicy
  public let clock: any BookingClock
  /// Dice for the fair draw at sale opening.
  public let random: any RandomSource
  let database: BookingDatabase

  init(
    database: BookingDatabase, policy: BookingPolicy, clock: any BookingClock,
    random: any RandomSource
  ) {
    self.database = database
    self.policy = policy
    self.clock = clock
    self.random = random
  }

  /// Opens the database file at `path`, creating and migrating it if needed.
  ///
  /// Only a missing or empty file, or one of Encore's, is opened: another application's
  /// database and one written by a newer Encore are refused untouched. Opening an
  /// up-to-date file takes no lock, so it never waits for another process's writes.
  ///
  /// - Parameter durable: `true` (the default) makes every commit survive power
  ///   loss (`synchronous=FULL`); `false` trades that for speed.
  public static func open(
    path: String, policy: BookingPolicy = BookingPolicy(), clock: any BookingClock = SystemClock(),
    random: any RandomSource = SystemRandomSource(), durable: Bool = true
  ) throws -> BookingEngine {
    try policy.validate()
    return BookingEngine(
      database: try BookingDatabase.open(path: path, durable: durable), policy: policy,
      clock: clock,
      random: random)
  }

  /// An engine on a private in-memory database, for tests and previews.
  public static func inMemory(
    policy: BookingPolicy = BookingPolicy(), clock: any BookingClock = SystemClock(),
    random: any RandomSource = SystemRandomSource()
  ) throws -> BookingEngine {
    try policy.validate()
    return BookingEngine(
      database: try BookingDatabase.inMemory(), policy: policy, clock: clock, random: random)
  }

  /// The database file this engine uses (`:memory:` for an in-memory one).
  public var path: String { database.path }

  var context: StoreContext {
    StoreContext(now: clock.now().millis, policy: policy, random: random)
  }

  /// Runs `body` in one IMMEDIATE transaction with the current time and policy.
  func inTransaction<T>(
    _ body: (_ db: Database, _ context: StoreContext) throws -> T
  ) async throws -> T {
    let context = self.context
    return try await database.transaction { db in try body(db, context) }
  }

  /// Runs `body` on a snapshot, without the write lock.
  func inSnapshot<T>(
    _ body: (_ db: Database, _ context: StoreContext) throws -> T
  ) async throws -> T {
    let context = self.context
    return try await database.read { db in try body(db, context) }
  }
}

/// Who is calling: a user and the queue token they were given. The engine normalises the
/// name (see ``UserName``) before using it.
public struct Caller: Sendable, Hashable {
  public var user: UserID
  public var token: TokenValue

  public init(user: UserID, token: TokenValue) {
    self.user = user
    self.token = token
  }
}
