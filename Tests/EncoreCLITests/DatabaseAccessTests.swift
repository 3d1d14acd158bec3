import Foundation
import GRDB
import Testing

@Suite("Which files encore opens, and how it waits")
struct DatabaseAccessTests {
  /// The lock is held throughout: a command that needed it would fail after the busy timeout.
  @Test func concertsWorksWhileAnotherProcessHoldsTheWriteLock() async throws {
    let sandbox = try Sandbox()
    #expect(try await sandbox.scratchEncore("concerts").status == 0)
    var holding = Configuration()
    holding.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: sandbox.scratch, configuration: holding)
    try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }

    let result = try await sandbox.scratchEncore("concerts", "--json")
    let points = try await sandbox.scratchEncore("points", "--json")

    try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(points.status == 0, "\(points.stderr)")
    print("encore concerts under a held write lock: \(result.seconds) s")
  }

  /// Creating the file (switching it to WAL, migrating, seeding) needs it to itself, and
  /// SQLite refuses such a wait at once rather than risk a deadlock: every one still opens.
  @Test func severalCommandsCreatingOneNewFileAtOnceAllSucceed() async throws {
    let sandbox = try Sandbox()
    let results = try await withThrowingTaskGroup(of: RunResult.self) { group in
      for _ in 0..<8 { group.addTask { try await sandbox.scratchEncore("concerts", "--json") } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    for result in results {
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("aurora"))
    }
  }

  @Test func anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() async throws {
    let sandbox = try Sandbox()
    let other = try DatabaseQueue(path: sandbox.scratch)
    try await other.write { db in
      try db.execute(sql: "CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    }
    try other.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.scratch))

    let result = try await sandbox.scratchEncore("concerts", "--json")

    #expect(result.status == 1)
    #expect(try result.errorCode() == "not_an_encore_database")
    #expect(result.stderr.contains(sandbox.scratch))
    #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.scratch)) == before)
    let tables = try await DatabaseQueue(path: sandbox.scratch).read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema")
    }
    #expect(tables == ["photo"])
  }

  @Test func aDatabaseInAFolderYouMayNotWriteNamesThePathAndTheAttempt() async throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = folder.appendingPathComponent("encore.sqlite").path
    #expect(try await sandbox.encore("concerts", "--database", database).status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)

    let result = try await sandbox.asAnotherAccount(
      "queue", "join", "garden", "--database", database)

    #expect(result.status == 1)
    #expect(result.stderr.contains(database))
    #expect(result.stderr.contains("reading and writing") || result.stderr.contains("write"))
    #expect(!result.stderr.contains("You don’t have permission."))
  }

  @Test func aTokenJarYouMayNotWriteNamesTheFolder() async throws {
    let sandbox = try Sandbox()
    let mine = sandbox.root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    let database = mine.appendingPathComponent("encore.sqlite").path
    #expect(try await sandbox.encore("concerts", "--database", database).status == 0)
    try sandbox.handOver(mine)
    try FileManager.default.createDirectory(
      at: sandbox.stateHome, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o555])

    let result = try await sandbox.asAnotherAccount(
      "queue", "join", "garden", "--database", database)

    #expect(result.status == 1)
    #expect(
      result.stderr.contains("Could not create the folder \(sandbox.stateHome.path)/encore"),
      "\(result.stderr)")
  }
}
