import Foundation
import GRDB

/// The SQLite store: one file in WAL mode shared by every process that books.
///
/// All truth lives here. Every write that reads first runs in an IMMEDIATE
/// transaction (the write lock is taken up front) on the one writing connection,
/// conditional updates check their change count, and unique constraints back them up.
/// Reads run on a pool of read-only connections, each on a snapshot: they never wait
/// for a writer, in this process or another.
struct BookingDatabase: Sendable {
  let writer: any DatabaseWriter
  let reader: any DatabaseReader
  let path: String

  /// Opens the database file at `path`, setting it up or migrating it only when needed:
  /// opening an up-to-date file writes nothing and takes no lock.
  ///
  /// A file that is not Encore's, or is from a newer Encore, is refused untouched.
  static func open(path: String, durable: Bool) throws -> BookingDatabase {
    do {
      let state = try DatabaseFile.inspect(path)
      // A queue, not a pool: a pool would write to the file as it opens (to create the
      // WAL file), and so wait for any other process's write lock.
      let writer = try DatabaseQueue(path: path, configuration: configuration())
      try writer.writeWithoutTransaction { db in
        // FULL makes every commit survive power loss.
        try db.execute(sql: "PRAGMA synchronous = \(durable ? "FULL" : "NORMAL")")
      }
      if state != .current { try setUp(writer, path: path) }
      var readers = configuration()
      readers.readonly = true
      let reader = try DatabasePool(path: path, configuration: readers)
      return BookingDatabase(writer: writer, reader: reader, path: path)
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  /// A private in-memory database, for fast tests.
  static func inMemory() throws -> BookingDatabase {
    let queue = try DatabaseQueue(configuration: configuration())
    try Schema.migrator.migrate(queue)
    return BookingDatabase(writer: queue, reader: queue, path: ":memory:")
  }

  private static func configuration() -> Configuration {
    var config = Configuration()
    config.busyMode = .timeout(5)
    config.foreignKeysEnabled = true
    config.label = "encore"
    return config
  }

  /// Switches a new file to WAL and runs the missing migrations. When another process
  /// is doing the same at the same moment, whoever finishes first wins and the other
  /// finds the file current.
  private static func setUp(_ writer: DatabaseQueue, path: String) throws {
    do {
      try writer.writeWithoutTransaction { db in
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
          throw BookingError.databaseUnavailable("\(path) could not be switched to WAL mode.")
        }
      }
      try Schema.migrator.migrate(writer)
    } catch {
      guard try DatabaseFile.inspect(path) == .current else { throw error }
    }
  }

  /// Runs `body` in an IMMEDIATE transaction, retrying a few times when another
  /// process keeps the database busy beyond the busy timeout.
  func transaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws
    -> T
  {
    var attempt = 0
    while true {
      do {
        return try await writer.writeWithoutTransaction { db in
          var result: T?
          try db.inTransaction(.immediate) {
            result = try body(db)
            return .commit
          }
          return result!
        }
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && attempt < Self.busyRetries
      {
        attempt += 1
        try await Task.sleep(for: .milliseconds(20 * attempt))
      } catch let error as DatabaseError {
        throw Self.translate(error, path: path)
      }
    }
  }

  /// Runs `body` on a consistent snapshot, without taking the write lock.
  func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await reader.read(body)
    } catch let error as DatabaseError {
      throw Self.translate(error, path: path)
    }
  }

  private static let busyRetries = 8

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
