import Foundation
import GRDB
import Synchronization

/// The SQLite store: one file in WAL mode shared by every process that books.
///
/// All truth lives here. Every write that reads first runs in an IMMEDIATE
/// transaction (the write lock is taken up front) on the one writing connection,
/// conditional updates check their change count, and unique constraints back them up.
/// Reads run on a pool of read-only connections, each on a snapshot: they never wait
/// for a writer, in this process or another.
///
/// Both run on the calling thread, with no hand-off to another executor: an operation
/// is a few hundred microseconds of SQLite, and a hop there and back cost a tenth of it.
struct BookingDatabase: Sendable {
  private let writing: LazyWriter
  let reader: any DatabaseReader
  let path: String

  /// The one writing connection, opened on first use: a process that only reads (an
  /// `encore concerts`) never opens it, so it neither takes the write lock nor
  /// checkpoints the WAL when it closes.
  var writer: any DatabaseWriter {
    get throws { try writing.connection() }
  }

  /// Whether the writing connection has been opened yet.
  var writerIsOpen: Bool { writing.isOpen }

  /// Opens the database file at `path`, setting it up or migrating it only when needed:
  /// opening an up-to-date file writes nothing and takes no lock.
  ///
  /// A file that is not Encore's, or is from a newer Encore, is refused untouched.
  static func open(path: String, durable: Bool) throws -> BookingDatabase {
    do {
      let state = try DatabaseFile.inspect(path)
      var writes = configuration()
      writes.busyMode = .callback(BusyWait().shouldRetry(tries:))
      writes.prepareDatabase { db in
        // FULL makes every commit survive power loss.
        try db.execute(sql: "PRAGMA synchronous = \(durable ? "FULL" : "NORMAL")")
      }
      // A queue, not a pool: a pool would write to the file as it opens (to create the
      // WAL file), and so wait for any other process's write lock.
      let writing = LazyWriter { [writes] in
        try DatabaseQueue(path: path, configuration: writes)
      }
      if state != .current { try setUp(writing.connection(), path: path) }
      var readers = configuration()
      readers.readonly = true
      readers.busyMode = .timeout(BusyWait.timeout)
      let reader = try DatabasePool(path: path, configuration: readers)
      return BookingDatabase(writing: writing, reader: reader, path: path)
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  /// A private in-memory database, for fast tests.
  static func inMemory() throws -> BookingDatabase {
    let queue = try DatabaseQueue(configuration: configuration())
    try Schema.migrator.migrate(queue)
    return BookingDatabase(writing: LazyWriter { queue }, reader: queue, path: ":memory:")
  }

  private static func configuration() -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.label = "encore"
    return config
  }

  /// Switches a new file to WAL and runs the missing migrations. When another process
  /// is doing the same at the same moment, whoever finishes first wins and the other
  /// finds the file current.
  ///
  /// SQLite answers "busy" at once, without waiting, where waiting could deadlock (the
  /// switch to WAL needs the file to itself), and two migrators may both start the same
  /// migration: so a failed set-up is tried again, with the same short naps as any write,
  /// for as long as a write would wait.
  private static func setUp(_ writer: any DatabaseWriter, path: String) throws {
    let deadline = ContinuousClock.now + .seconds(BusyWait.timeout)
    while true {
      do {
        try writer.writeWithoutTransaction { db in
          guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
            throw BookingError.databaseUnavailable("\(path) could not be switched to WAL mode.")
          }
        }
        try Schema.migrator.migrate(writer)
        return
      } catch is DatabaseError where ContinuousClock.now < deadline {
        // Busy, or another process applied the same migration first ("table already
        // exists"): each migration commits on its own, so the next try starts after it.
        if try DatabaseFile.inspect(path) == .current { return }
        usleep(UInt32.random(in: 500...1_500))
      } catch {
        guard try DatabaseFile.inspect(path) == .current else { throw error }
        return
      }
    }
  }

  /// Runs `body` in an IMMEDIATE transaction. While another process holds the write
  /// lock it waits (see ``BusyWait``), up to ``BusyWait/timeout``.
  func transaction<T>(_ body: (Database) throws -> T) async throws -> T {
    let result = try onThisThread {
      try writer.writeWithoutTransaction { db in try Self.immediate(db, body) }
    }
    await Turn.yieldIfLong()
    return result
  }

  /// Runs `body` on a consistent snapshot, without taking the write lock.
  func read<T>(_ body: (Database) throws -> T) async throws -> T {
    let result = try onThisThread { try reader.read(body) }
    await Turn.yieldIfLong()
    return result
  }

  /// Runs a database access on the calling thread: GRDB's synchronous API, which an
  /// `async` caller only reaches through a synchronous function such as this one.
  private func onThisThread<T>(_ access: () throws -> T) throws -> T {
    do {
      return try access()
    } catch let error as DatabaseError {
      throw Self.translate(error, path: path)
    }
  }

  /// `body` between BEGIN IMMEDIATE and COMMIT, both cached statements (GRDB's
  /// `inTransaction` parses them afresh each time); any error rolls back.
  private static func immediate<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
    try db.run(sql: "BEGIN IMMEDIATE")
    do {
      let result = try body(db)
      try db.run(sql: "COMMIT")
      return result
    } catch {
      if db.isInsideTransaction { try? db.rollback() }
      throw error
    }
  }

  /// Turns SQLite's failures into sentences a user can act on.
  static func translate(_ error: DatabaseError, path: String) -> BookingError {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: .databaseBusy
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: .databaseCorrupt(path)
    case .SQLITE_READONLY: .databaseReadOnly(path)
    case .SQLITE_CANTOPEN, .SQLITE_PERM:
      .databaseInaccessible(path, reason: DatabaseFile.accessProblem(path))
    default: .databaseUnavailable(error.message ?? "\(error.resultCode)")
    }
  }
}

extension Date {
  /// Milliseconds since 1970: how the store keeps time, exactly and comparably.
  var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

  init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

extension TimeInterval {
  /// A duration in the store's unit.
  var millis: Int64 { Int64((self * 1000).rounded()) }
}

/// A connection made on first use, once, whichever thread asks first.
private final class LazyWriter: Sendable {
  private let make: @Sendable () throws -> any DatabaseWriter
  private let made = Mutex<(any DatabaseWriter)?>(nil)

  init(_ make: @escaping @Sendable () throws -> any DatabaseWriter) { self.make = make }

  var isOpen: Bool { made.withLock { $0 != nil } }

  func connection() throws -> any DatabaseWriter {
    try made.withLock { made in
      if let made { return made }
      let connection = try make()
      made = connection
      return connection
    }
  }
}

/// How the writing connection waits for another process's write lock: in naps of a
/// random 0.5–1.5 ms, retrying until ``timeout`` has passed since its first try.
///
/// SQLite's own busy timeout sleeps longer and longer, up to 100 ms a nap, so a process
/// that has waited keeps losing the lock to one that has not: two processes booking on
/// one file split 403 to 29 bookings a second. Naps of about a millisecond give every
/// waiter a try at the gaps between another's transactions, yet let the holder run a few
/// transactions in a row (each hand-over makes the new holder reload its page cache);
/// their random length keeps several waiters from trying in step.
final class BusyWait: Sendable {
  /// How long a write waits for the lock before giving up with ``BookingError/databaseBusy``.
  static let timeout: TimeInterval = 5

  private let since = Mutex(ContinuousClock.now)

  /// SQLite's busy callback: `tries` counts from 0 for each lock the connection waits for.
  func shouldRetry(tries: Int) -> Bool {
    let now = ContinuousClock.now
    let waited = since.withLock { since in
      if tries == 0 { since = now }
      return now - since
    }
    guard waited < .seconds(Self.timeout) else { return false }
    usleep(UInt32.random(in: 500...1_500))
    return true
  }
}

/// Database work runs on the caller's thread and does not suspend, so a task making engine
/// calls in a loop would keep a thread of the cooperative pool (two on a two-core machine)
/// for as long as it runs, and every other task of the process would wait. So a call that
/// ends ``slice`` or more after its thread last yielded here yields once. Per thread, not
/// per engine: several tasks looping on one engine each give their thread up in turn.
private enum Turn {
  static let slice: UInt64 = 2_000_000  // nanoseconds

  /// Each thread's last yield, in `DispatchTime` nanoseconds.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    precondition(pthread_key_create(&key, nil) == 0)
    return key
  }()

  static func yieldIfLong() async {
    let now = DispatchTime.now().uptimeNanoseconds
    let last = UInt64(UInt(bitPattern: pthread_getspecific(key)))
    guard now &- last >= slice else { return }
    pthread_setspecific(key, UnsafeRawPointer(bitPattern: UInt(now)))
    // The first call on a thread only starts its clock.
    if last != 0 { await Task.yield() }
  }
}
