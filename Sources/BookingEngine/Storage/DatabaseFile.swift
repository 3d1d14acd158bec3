import Foundation
import GRDB

/// What a file is before Encore touches it: looked at through a read-only connection,
/// so a file that is not Encore's, or is from a newer Encore, is refused unchanged.
enum DatabaseFile {
  enum State: Equatable {
    /// Missing, empty, or an SQLite database with nothing in it: Encore may set it up.
    case empty
    /// Encore's, missing some of this Encore's migrations.
    case outdated
    /// Encore's, with every migration this Encore knows and no other.
    case current
  }

  /// Classifies the file at `path`; throws ``BookingError/notAnEncoreDatabase(_:)`` or
  /// ``BookingError/databaseTooNew(_:version:supported:)`` for files Encore must not open.
  static func inspect(_ path: String) throws -> State {
    // stat(2) itself: FileManager's attributes also look up the owner's name in the
    // account database, a tenth of a read command's time.
    func size(_ file: String) -> Int {
      var status = stat()
      return stat(file, &status) == 0 ? Int(status.st_size) : 0
    }
    // A WAL database may have all its pages in the -wal file and none in the main file yet.
    guard size(path) > 0 || size(path + "-wal") > 0 else { return .empty }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(5)
    let connection = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? connection.close() }
    let migrator = Schema.migrator
    let known = migrator.migrations
    return try connection.read { db in
      let mark = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      let applied = try migrator.appliedIdentifiers(db)
      // Files from before the mark are recognised by their first migration.
      guard mark == Schema.applicationID || (mark == 0 && applied.contains(known[0])) else {
        // Nothing yet, or only the migrations table another Encore is about to fill.
        let objects =
          try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM sqlite_schema WHERE tbl_name <> 'grdb_migrations'") ?? 0
        if mark == 0 && objects == 0 && applied.isEmpty { return .empty }
        throw BookingError.notAnEncoreDatabase(path)
      }
      guard applied.isSubset(of: Set(known)) else {
        throw BookingError.databaseTooNew(path, version: applied.count, supported: known.count)
      }
      return applied.count == known.count ? .current : .outdated
    }
  }

  /// Why `path` cannot be opened for reading and writing, as far as the file system tells.
  static func accessProblem(_ path: String) -> String {
    let files = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    if !files.fileExists(atPath: directory) { return "the folder \(folder) does not exist" }
    if !files.isExecutableFile(atPath: directory) {
      return "you have no permission to enter the folder \(folder)"
    }
    for file in [path, path + "-wal", path + "-shm"] where files.fileExists(atPath: file) {
      if !files.isReadableFile(atPath: file) || !files.isWritableFile(atPath: file) {
        return "you have no permission to read and write \(file)"
      }
    }
    if !files.isWritableFile(atPath: directory) {
      return
        "you have no permission to create files in \(folder) (SQLite keeps the -wal and -shm files beside the database)"
    }
    return "SQLite could not open it"
  }
}
