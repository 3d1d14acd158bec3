import Foundation
import GRDB
import Testing

@testable import BookingEngine

@Suite struct DatabaseFileTests {
  @Test func anotherApplicationsDatabaseIsRefusedUntouched() async throws {
    let path = TestBed.temporaryPath()
    let other = try DatabaseQueue(path: path)
    try await other.write { db in
      try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
      try db.execute(sql: "INSERT INTO note (text) VALUES ('keep me')")
    }
    try other.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    #expect(throws: BookingError.notAnEncoreDatabase(path)) { try BookingEngine.open(path: path) }

    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect("\(BookingError.notAnEncoreDatabase(path))".contains(path))
  }

  @Test func anEmptySQLiteFileBecomesAnEncoreDatabase() async throws {
    let path = TestBed.temporaryPath()
    try DatabaseQueue(path: path).close()
    let engine = try BookingEngine.open(path: path)
    #expect(try await engine.seedDemoCatalogIfEmpty())
  }

  @Test func aDatabaseFromANewerEncoreIsRefusedNamingBothVersions() async throws {
    let path = TestBed.temporaryPath()
    do {
      let engine = try BookingEngine.open(path: path)
      try await engine.database.writer.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9: from the future')")
      }
    }
    let known = Schema.migrator.migrations.count
    let refusal = BookingError.databaseTooNew(path, version: known + 1, supported: known)
    #expect(throws: refusal) { try BookingEngine.open(path: path) }
    #expect("\(refusal)".contains("schema version \(known + 1)"))
    #expect("\(refusal)".contains("up to \(known)"))
  }

  @Test func readersNeitherTakeNorWaitForTheWriteLock() async throws {
    let path = TestBed.temporaryPath()
    do {
      let engine = try BookingEngine.open(path: path)
      try await engine.seedDemoCatalogIfEmpty()
    }
    // Another connection takes the write lock and keeps it.
    var holding = Configuration()
    holding.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: path, configuration: holding)
    try await other.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute(sql: "BEGIN IMMEDIATE")
    }
    // The WAL file is empty, the case in which a GRDB pool writes as it opens.
    let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
    #expect(wal == 0)
    // The lock is held throughout: anything that waited for it would end in databaseBusy.
    let engine = try BookingEngine.open(path: path)
    #expect(try await engine.seedDemoCatalogIfEmpty() == false)
    #expect(try await engine.concerts().count == 3)
    #expect(try await engine.balance(user: "alice").balance == 0)
    try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
  }
}
