import Foundation
import GRDB

/// Paying for a hold in SQL: one transaction that checks, deducts, sells and records.
enum PaymentStore {
  static func pay(
    _ db: Database, hold id: HoldID, user: UserID, token: String, context: StoreContext
  ) throws -> Payment {
    let now = context.now
    let hold = try HoldStore.owned(db, id, user: user)
    if let earlier = try payment(db, hold: hold) { return earlier }
    let pass = try QueueStore.authorize(
      db, token: token, user: user, concert: hold.concertID, context: context)
    guard try CatalogStore.schedule(db, hold.dateID).startsAt > now else {
      throw BookingError.dateInPast(hold.dateID)
    }
    if try HoldStore.isReleased(db, id) { throw BookingError.holdReleased(id) }
    let expiresAt = hold.expiresAt.millis
    guard expiresAt > now else {
      throw BookingError.holdExpired(id, secondsAgo: Int((now - expiresAt) / 1000))
    }
    let balance = try PointStore.balance(db, user: user)
    guard balance >= hold.amount else {
      throw BookingError.insufficientBalance(balance: balance, price: hold.amount)
    }
    let balanceAfter = balance - hold.amount
    try db.run(
      sql: """
        INSERT INTO payment (hold_id, user_id, amount, paid_at, balance_after) VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [id.rawValue, user.rawValue, hold.amount, now, balanceAfter])
    let paymentID = db.lastInsertedRowID
    try db.run(
      sql: """
        UPDATE seat_state SET sale = 'online', sold_to = ?1, payment_id = ?2, held_until = NULL
        WHERE hold_id = ?3 AND sale IS NULL AND held_until > ?4
        """,
      arguments: [user.rawValue, paymentID, id.rawValue, now])
    // Every seat must still be this hold's; anything else means it was lost.
    guard db.changesCount == hold.seats.count else {
      throw BookingError.holdExpired(id, secondsAgo: 0)
    }
    for seat in hold.seats {
      try db.run(
        sql:
          "INSERT INTO ticket (payment_id, user_id, date_id, seat_id, price) VALUES (?, ?, ?, ?, ?)",
        arguments: [paymentID, user.rawValue, hold.dateID.rawValue, seat.id.rawValue, seat.price])
    }
    try PointStore.record(
      db, user: user, kind: .payment, delta: -hold.amount, paymentID: paymentID, now: now)
    try QueueStore.markUsed(db, token: pass.token)
    return Payment(
      id: PaymentID(paymentID), holdID: id, user: user, amount: hold.amount,
      paidAt: Date(millis: now), balanceAfter: balanceAfter, seats: hold.seats)
  }

  static func paymentExists(_ db: Database, hold: HoldID) throws -> Bool {
    try db.fetchValue(
      Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM payment WHERE hold_id = ?)",
      arguments: [hold.rawValue]
    )!
  }

  private static func payment(_ db: Database, hold: Hold) throws -> Payment? {
    try db.fetchRow(
      sql: "SELECT * FROM payment WHERE hold_id = ?", arguments: [hold.id.rawValue]
    ).map { row in
      Payment(
        id: PaymentID(row["id"]), holdID: hold.id, user: hold.user, amount: row["amount"],
        paidAt: Date(millis: row["paid_at"]), balanceAfter: row["balance_after"], seats: hold.seats)
    }
  }

  static func tickets(_ db: Database, user: UserID) throws -> [Ticket] {
    let concerts = Dictionary(
      uniqueKeysWithValues: try CatalogStore.concerts(db).map { ($0.id, $0) })
    return try db.fetchRows(
      sql: """
        SELECT tk.id AS ticket_id, tk.payment_id, tk.date_id, tk.price, d.concert_id, d.starts_at,
               s.id, s.label, s.tier, p.paid_at
        FROM ticket tk
        JOIN concert_date d ON d.id = tk.date_id
        JOIN seat s ON s.id = tk.seat_id
        JOIN payment p ON p.id = tk.payment_id
        WHERE tk.user_id = ?
        ORDER BY d.starts_at, s.grid_row, s.grid_col
        """,
      arguments: [user.rawValue]
    ).compactMap { row in
      guard let concert = concerts[ConcertID(row["concert_id"] as String)] else { return nil }
      return Ticket(
        id: row["ticket_id"], paymentID: PaymentID(row["payment_id"]), concert: concert,
        dateID: DateID(row["date_id"]), startsAt: Date(millis: row["starts_at"]),
        seat: HoldStore.heldSeat(from: row), paidAt: Date(millis: row["paid_at"]))
    }
  }
}
