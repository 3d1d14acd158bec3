import GRDBSQLite

/// The SQLite C API with prepared statements and nothing else: the ceiling we compare with.
final class RawSQLite {
  private var handle: OpaquePointer?
  private var statements: [String: OpaquePointer] = [:]

  /// Opens `path` as the engine does: WAL, foreign keys on, the given durability.
  init(path: String, synchronousFull: Bool) {
    precondition(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK)
    sqlite3_busy_timeout(handle, 5_000)
    execute("PRAGMA journal_mode = WAL")
    execute("PRAGMA synchronous = \(synchronousFull ? "FULL" : "NORMAL")")
    execute("PRAGMA foreign_keys = ON")
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement) }
    sqlite3_close(handle)
  }

  func execute(_ sql: String) {
    precondition(sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK, message)
  }

  /// Runs a cached statement; returns the first column of the first row, if any.
  @discardableResult
  func run(_ sql: String, _ arguments: [Argument]) -> Int64? {
    query(sql, arguments) { $0.int(0) }
  }

  /// Runs a cached statement to its end; `read` sees each row it returns.
  func each(_ sql: String, _ arguments: [Argument], _ read: (Columns) -> Void) {
    let statement = bound(sql, arguments)
    defer { sqlite3_reset(statement) }
    var code = sqlite3_step(statement)
    while code == SQLITE_ROW {
      read(Columns(statement: statement))
      code = sqlite3_step(statement)
    }
    precondition(code == SQLITE_DONE, message)
  }

  /// Runs a cached statement; `read` sees its first row, if any.
  func query<T>(_ sql: String, _ arguments: [Argument], _ read: (Columns) -> T) -> T? {
    let statement = bound(sql, arguments)
    defer { sqlite3_reset(statement) }
    let code = sqlite3_step(statement)
    precondition(code == SQLITE_ROW || code == SQLITE_DONE, message)
    return code == SQLITE_ROW ? read(Columns(statement: statement)) : nil
  }

  var changes: Int32 { sqlite3_changes(handle) }
  var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  enum Argument {
    case int(Int64)
    case text(String)
  }

  /// The columns of the row a statement stands on.
  struct Columns {
    let statement: OpaquePointer

    func int(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }
    func text(_ index: Int32) -> String { String(cString: sqlite3_column_text(statement, index)) }
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }
  }

  private func bound(_ sql: String, _ arguments: [Argument]) -> OpaquePointer {
    let statement = prepared(sql)
    for (index, argument) in arguments.enumerated() {
      let position = Int32(index + 1)
      switch argument {
      case .int(let value): sqlite3_bind_int64(statement, position, value)
      case .text(let value): sqlite3_bind_text(statement, position, value, -1, transient)
      }
    }
    return statement
  }

  private func prepared(_ sql: String) -> OpaquePointer {
    if let statement = statements[sql] { return statement }
    var statement: OpaquePointer?
    precondition(sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, message)
    statements[sql] = statement!
    return statement!
  }

  private var message: String { String(cString: sqlite3_errmsg(handle)) }
  private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
