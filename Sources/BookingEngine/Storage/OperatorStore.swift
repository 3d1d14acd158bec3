import Foundation
import GRDB

/// The operator list in SQL, and the check that guards the calls that change a sale.
enum OperatorStore {
  static func list(_ db: Database) throws -> [Operator] {
    try db.fetchRows(sql: "SELECT name, added_at, added_by FROM operators ORDER BY added_at, name")
      .map { row in
        Operator(
          name: UserID(row["name"] as String), addedAt: Date(millis: row["added_at"]),
          addedBy: (row["added_by"] as String?).map(UserID.init))
      }
  }

  static func count(_ db: Database) throws -> Int {
    try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM operators")!
  }

  /// Whether `user` may change a sale: they are on the list, or nobody is yet.
  static func mayAct(_ db: Database, _ user: UserID) throws -> Bool {
    try db.fetchValue(
      Bool.self,
      sql: """
        SELECT NOT EXISTS (SELECT 1 FROM operators) OR EXISTS (SELECT 1 FROM operators WHERE name = ?)
        """, arguments: [user.rawValue])!
  }

  /// Throws ``BookingError/notAnOperator(_:)`` unless `user` may change a sale.
  static func requireOperator(_ db: Database, _ user: UserID) throws {
    guard try mayAct(db, user) else { throw BookingError.notAnOperator(user) }
  }

  /// Adds `name`, by `caller`; adding a name already there changes nothing.
  static func add(_ db: Database, _ name: UserID, by caller: UserID, now: Int64) throws {
    try requireOperator(db, caller)
    let first = try count(db) == 0
    try db.execute(
      sql: "INSERT OR IGNORE INTO operators (name, added_at, added_by) VALUES (?, ?, ?)",
      arguments: [name.rawValue, now, first ? nil : caller.rawValue])
  }

  /// Removes `name`, by `caller`, who must be an operator.
  static func remove(_ db: Database, _ name: UserID, by caller: UserID) throws {
    try requireOperator(db, caller)
    try db.execute(sql: "DELETE FROM operators WHERE name = ?", arguments: [name.rawValue])
    guard db.changesCount > 0 else { throw BookingError.notAnOperator(name) }
  }
}
