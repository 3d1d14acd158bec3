import Foundation
import GRDB

/// Paying for a hold in SQL: one transaction that checks, deducts, sells and records.
enum PaymentStore {
  static func pay(
    _ db: Database, hold id: HoldID, user: UserID, token: String, context: StoreContext
  ) throws -> Payment {
    let now = context.now
    let record = try HoldStore.owned(db, id, user: user)
    let hold = record.hold
    if let earlier = BookingRules.earlierPayment(record) { return earlier }
    // Uses the token up; any refusal below rolls that back with the rest.
    _ = try QueueStore.claim(
      db, token: token, user: user, concert: hold.concertID, use: true, context: context)
    try BookingRules.checkPayable(record, now: now)
    let balanceAfter = try PointStore.deduct(db, user: user, amount: hold.amount)
    try db.step(
      BookingSQL.insertPayment,
      [.int(id.rawValue), .text(user.rawValue), .int(hold.amount), .int(now), .int(balanceAfter)])
    let paymentID = db.lastInsertedRowID
    try db.step(
      BookingSQL.sellSeats, [.text(user.rawValue), .int(paymentID), .int(id.rawValue), .int(now)])
    // Every seat must still be this hold's; anything else means it was lost.
    guard db.changesCount == hold.seats.count else {
      throw BookingError.holdExpired(id, secondsAgo: 0)
    }
    try db.step(
      BookingSQL.insertTickets,
      [.int(paymentID), .text(user.rawValue), .int(hold.dateID.rawValue), .int(id.rawValue)])
    try PointStore.append(
      db, user: user, kind: .payment, delta: -hold.amount, balanceAfter: balanceAfter,
      paymentID: paymentID, now: now)
    return Payment(
      id: PaymentID(paymentID), holdID: id, user: user, amount: hold.amount,
      paidAt: Date(millis: now), balanceAfter: balanceAfter, seats: hold.seats)
  }

  static func tickets(_ db: Database, user: UserID) throws -> [Ticket] {
    let concerts = Dictionary(
      uniqueKeysWithValues: try CatalogStore.concerts(db).map { ($0.id, $0) })
    return try db.steps(
      """
      SELECT s.id, s.label, s.tier, tk.price, tk.id, tk.payment_id, tk.date_id, d.concert_id,
             d.starts_at, p.paid_at
      FROM ticket tk
      JOIN concert_date d ON d.id = tk.date_id
      JOIN seat s ON s.id = tk.seat_id
      JOIN payment p ON p.id = tk.payment_id
      WHERE tk.user_id = ?
      ORDER BY d.starts_at, s.grid_row, s.grid_col
      """,
      [.text(user.rawValue)]
    ) { row -> Ticket? in
      guard let concert = concerts[ConcertID(row.text(7))] else { return nil }
      return Ticket(
        id: row.int(4), paymentID: PaymentID(row.int(5)), concert: concert,
        dateID: DateID(row.int(6)), startsAt: Date(millis: row.int(8)),
        seat: HoldStore.heldSeat(from: row), paidAt: Date(millis: row.int(9)))
    }.compactMap { $0 }
  }
}
