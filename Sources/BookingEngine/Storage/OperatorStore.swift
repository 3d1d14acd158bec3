import Foundation
import GRDB

/// The operator list in SQL; who may act is ``OperatorRules``' to say.
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

  static func isListed(_ db: Database, _ user: UserID) throws -> Bool {
    try db.fetchValue(
      Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM operators WHERE name = ?)",
      arguments: [user.rawValue])!
  }

  /// Whether `user` may change a sale now.
  static func mayAct(_ db: Database, _ user: UserID) throws -> Bool {
    OperatorRules.mayAct(listed: try isListed(db, user), listSize: try count(db))
  }

  /// Throws ``BookingError/notAnOperator(_:)`` unless `user` may change a sale.
  static func requireOperator(_ db: Database, _ user: UserID) throws {
    try OperatorRules.requireOperator(user, listed: try isListed(db, user), listSize: try count(db))
  }

  /// Adds `name`, by `caller`; adding a name already there changes nothing.
  static func add(_ db: Database, _ name: UserID, by caller: UserID, now: Int64) throws {
    try requireOperator(db, caller)
    try db.execute(
      sql: "INSERT OR IGNORE INTO operators (name, added_at, added_by) VALUES (?, ?, ?)",
      arguments: [
        name.rawValue, now, OperatorRules.addedBy(caller, listSize: try count(db))?.rawValue,
      ])
  }

  /// Removes `name`, by `caller`, who must be an operator.
  static func remove(_ db: Database, _ name: UserID, by caller: UserID) throws {
    try requireOperator(db, caller)
    try db.execute(sql: "DELETE FROM operators WHERE name = ?", arguments: [name.rawValue])
    try OperatorRules.requireRemoved(name, removed: db.changesCount)
  }
}
