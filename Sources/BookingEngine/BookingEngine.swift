import Foundation

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
  let store: any BookingStore

  init(
    store: any BookingStore, policy: BookingPolicy, clock: any BookingClock,
    random: any RandomSource
  ) {
    self.store = store
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
      store: SQLiteStore(database: try BookingDatabase.open(path: path, durable: durable)),
      policy: policy, clock: clock, random: random)
  }

  /// Opens `database`: a PostgreSQL server for a `postgres://` or `postgresql://` URL
  /// (in builds with the `PostgreSQL` trait), otherwise the SQLite file at that path
  /// (see ``open(path:policy:clock:random:durable:)``).
  ///
  /// A server's password comes from `PGPASSWORD` or `~/.pgpass`, never from the URL.
  public static func open(
    database: String, policy: BookingPolicy = BookingPolicy(),
    clock: any BookingClock = SystemClock(), random: any RandomSource = SystemRandomSource(),
    durable: Bool = true
  ) async throws -> BookingEngine {
    guard let server = try DatabaseLocation.server(database) else {
      return try open(
        path: database, policy: policy, clock: clock, random: random, durable: durable)
    }
    try policy.validate()
    #if PostgreSQL
      return BookingEngine(
        store: try await PostgresStore.open(server), policy: policy, clock: clock, random: random)
    #else
      _ = server
      throw BookingError.postgresNotBuilt
    #endif
  }

  /// Whether this build can open a PostgreSQL server (it was built with `--traits PostgreSQL`).
  public static var supportsPostgreSQL: Bool {
    #if PostgreSQL
      true
    #else
      false
    #endif
  }

  /// Whether `database` names a PostgreSQL server (`postgres://…`) rather than a file.
  public static func isServerURL(_ database: String) -> Bool {
    DatabaseLocation.isServer(database)
  }

  /// An engine on a private in-memory database, for tests and previews.
  public static func inMemory(
    policy: BookingPolicy = BookingPolicy(), clock: any BookingClock = SystemClock(),
    random: any RandomSource = SystemRandomSource()
  ) throws -> BookingEngine {
    try policy.validate()
    return BookingEngine(
      store: SQLiteStore(database: try BookingDatabase.inMemory()), policy: policy, clock: clock,
      random: random)
  }

  /// Where the engine's database is: a file path (`:memory:` for an in-memory one), or a
  /// server's URL without its password.
  public var path: String { store.location }

  /// What other engines on the same database change, announced as it commits, so a seat
  /// map or a waiting room can ask again at once instead of at its next poll; a new stream
  /// per call, ending when the engine goes. Nil on SQLite: there a refresh's own change
  /// check is one indexed read of the local file, and nothing announces another process's
  /// writes, so views keep polling. Announcements can be late or, while the server's
  /// connection is down, missing: a view still polls, only less often.
  public func changes() -> AsyncStream<BookingChange>? { store.changes() }

  /// The SQLite database under a file-backed engine, for tests that look at its rows.
  var database: BookingDatabase {
    guard let sqlite = store as? SQLiteStore else {
      preconditionFailure("only an SQLite engine has a database file")
    }
    return sqlite.database
  }

  var context: StoreContext {
    StoreContext(now: clock.now().millis, policy: policy, random: random)
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
