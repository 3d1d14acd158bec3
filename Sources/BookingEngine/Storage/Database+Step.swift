import GRDB
import GRDBSQLite

/// A parameter of a hot-path statement (see ``GRDB/Database/step(_:_:read:)``).
enum Parameter {
  case int(Int64)
  case text(String)
  case null

  static func bool(_ value: Bool) -> Parameter { .int(value ? 1 : 0) }
  static func int(_ value: Int64?) -> Parameter { value.map { .int($0) } ?? .null }
}

/// The row a statement stands on, read by column position straight from SQLite.
struct Columns {
  fileprivate let statement: SQLiteStatement

  func int(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }
  /// The column as text; "" for NULL (the hot paths read text only from NOT NULL columns).
  func text(_ index: Int32) -> String {
    sqlite3_column_text(statement, index).map { String(cString: $0) } ?? ""
  }
  func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }
}

// A hold or a payment runs eight or nine short statements; through GRDB's arguments and
// cursors each costs about a microsecond more than through SQLite's C API, which is what
// these use on the connection's cached statements. Errors come out as GRDB's.
extension Database {
  /// Runs the cached statement for `sql` with `parameters` bound by position; returns
  /// `read` of its first row, or nil when it returns none. Changes (an INSERT, an
  /// UPDATE … RETURNING) are all made by the time it returns.
  @discardableResult
  func step<T>(_ sql: String, _ parameters: [Parameter], read: (Columns) throws -> T) throws
    -> T?
  {
    let statement = try bound(sql, parameters)
    defer { sqlite3_reset(statement) }
    let code = sqlite3_step(statement)
    guard code == SQLITE_ROW else {
      guard code == SQLITE_DONE else { throw failure(sql) }
      return nil
    }
    return try read(Columns(statement: statement))
  }

  /// Runs the cached statement for `sql`, which returns no rows.
  func step(_ sql: String, _ parameters: [Parameter]) throws {
    try step(sql, parameters) { _ in () }
  }

  /// Every row the cached statement for `sql` returns, each read by `read`.
  func steps<T>(_ sql: String, _ parameters: [Parameter], read: (Columns) throws -> T) throws
    -> [T]
  {
    let statement = try bound(sql, parameters)
    defer { sqlite3_reset(statement) }
    var rows: [T] = []
    var code = sqlite3_step(statement)
    while code == SQLITE_ROW {
      rows.append(try read(Columns(statement: statement)))
      code = sqlite3_step(statement)
    }
    guard code == SQLITE_DONE else { throw failure(sql) }
    return rows
  }

  private func bound(_ sql: String, _ parameters: [Parameter]) throws -> SQLiteStatement {
    let statement = try cachedStatement(sql: sql).sqliteStatement
    for (index, parameter) in parameters.enumerated() {
      let position = Int32(index + 1)
      let code =
        switch parameter {
        case .int(let value): sqlite3_bind_int64(statement, position, value)
        case .text(let value): sqlite3_bind_text(statement, position, value, -1, transient)
        case .null: sqlite3_bind_null(statement, position)
        }
      guard code == SQLITE_OK else { throw failure(sql) }
    }
    return statement
  }

  private func failure(_ sql: String) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
      message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
  }
}

/// SQLite copies a bound text before `sqlite3_bind_text` returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
