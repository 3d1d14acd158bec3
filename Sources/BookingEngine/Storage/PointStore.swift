import Foundation
import GRDB

/// Balances and their ledger in SQL. Every change goes through `record`, which
/// moves the balance and writes the ledger entry together.
enum PointStore {
  static func balance(_ db: Database, user: UserID) throws -> Int64 {
    try db.fetchValue(
      Int64.self, sql: "SELECT balance FROM account WHERE user_id = ?", arguments: [user.rawValue])
      ?? 0
  }

  static func account(_ db: Database, user: UserID) throws -> PointAccount {
    let ledger = try db.fetchRows(
      sql: "SELECT * FROM ledger WHERE user_id = ? ORDER BY id", arguments: [user.rawValue]
    ).map { row in
      PointEntry(
        id: row["id"], kind: PointEntry.Kind(rawValue: row["kind"]) ?? .charge, delta: row["delta"],
        balanceAfter: row["balance_after"], at: Date(millis: row["at"]),
        paymentID: (row["payment_id"] as Int64?).map(PaymentID.init))
    }
    return PointAccount(user: user, balance: try balance(db, user: user), ledger: ledger)
  }

  static func charge(
    _ db: Database, user: UserID, amount: Int64, context: StoreContext
  ) throws -> PointEntry {
    let now = context.now
    let policy = context.policy
    let balance = try balance(db, user: user)
    try BookingRules.checkCharge(balance: balance, amount: amount, policy: policy)
    return try record(db, user: user, kind: .charge, delta: amount, paymentID: nil, now: now)
  }

  /// Moves the balance by `delta` and appends the matching ledger entry.
  static func record(
    _ db: Database, user: UserID, kind: PointEntry.Kind, delta: Int64, paymentID: Int64?, now: Int64
  ) throws -> PointEntry {
    let balanceAfter =
      try db.fetchValue(
        Int64.self,
        sql: "UPDATE account SET balance = balance + ? WHERE user_id = ? RETURNING balance",
        arguments: [delta, user.rawValue])
      ?? db.fetchValue(
        Int64.self, sql: "INSERT INTO account (user_id, balance) VALUES (?, ?) RETURNING balance",
        arguments: [user.rawValue, delta])!
    return try append(
      db, user: user, kind: kind, delta: delta, balanceAfter: balanceAfter, paymentID: paymentID,
      now: now)
  }

  /// Takes `amount` from the user's balance if it covers it; returns the new balance.
  /// The ledger entry is the caller's to append.
  static func deduct(_ db: Database, user: UserID, amount: Int64) throws -> Int64 {
    if let balanceAfter = try db.step(
      BookingSQL.deduct, [.int(amount), .text(user.rawValue)], read: { $0.int(0) })
    {
      return balanceAfter
    }
    throw BookingError.insufficientBalance(balance: try balance(db, user: user), price: amount)
  }

  /// Appends the ledger entry of a balance change already made.
  @discardableResult
  static func append(
    _ db: Database, user: UserID, kind: PointEntry.Kind, delta: Int64, balanceAfter: Int64,
    paymentID: Int64?, now: Int64
  ) throws -> PointEntry {
    try db.step(
      BookingSQL.insertLedgerEntry,
      [
        .text(user.rawValue), .text(kind.rawValue), .int(delta), .int(balanceAfter),
        .int(paymentID), .int(now),
      ])
    return PointEntry(
      id: db.lastInsertedRowID, kind: kind, delta: delta, balanceAfter: balanceAfter,
      at: Date(millis: now), paymentID: paymentID.map(PaymentID.init))
  }
}
