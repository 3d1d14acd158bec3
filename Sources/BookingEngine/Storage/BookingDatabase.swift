import Foundation
import GRDB

/// The SQLite store: one file in WAL mode shared by every process that books.
///
/// All truth lives here. Every write that reads first runs in an IMMEDIATE
/// transaction (the write lock is taken up front), conditional updates check their
/// change count, and unique constraints back them up.
struct BookingDatabase: Sendable {
  let writer: any DatabaseWriter
  let path: String

  /// Opens (creating if needed) the database file at `path` and migrates it.
  static func open(path: String, durable: Bool) throws -> BookingDatabase {
    do {
      let pool = try DatabasePool(path: path, configuration: configuration())
      if durable {
        // GRDB sets NORMAL for WAL; FULL makes every commit survive power loss.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      }
      let database = BookingDatabase(writer: pool, path: path)
      try database.migrate()
      return database
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  /// A private in-memory database, for fast tests.
  static func inMemory() throws -> BookingDatabase {
    let database = BookingDatabase(
      writer: try DatabaseQueue(configuration: configuration()), path: ":memory:")
    try database.migrate()
    return database
  }

  private static func configuration() -> Configuration {
    var config = Configuration()
    config.busyMode = .timeout(5)
    config.foreignKeysEnabled = true
    config.label = "encore"
    return config
  }

  private func migrate() throws {
    try Schema.migrator.migrate(writer)
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
      return try await writer.read(body)
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
    case .SQLITE_READONLY, .SQLITE_PERM: .databaseReadOnly(path)
    case .SQLITE_CANTOPEN: .databaseUnavailable("cannot open \(path)")
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
