import Foundation
import GRDB

/// Holding and releasing seats in SQL. A seat is taken with a conditional update
/// whose change count must be 1, so two buyers can never both get it.
enum HoldStore {
  static func hold(
    _ db: Database, seats requested: [SeatID], date dateID: DateID, user: UserID, token: String,
    context: StoreContext
  ) throws -> Hold {
    let now = context.now
    let date = try CatalogStore.schedule(db, dateID)
    let pass = try QueueStore.claim(
      db, token: token, user: user, concert: date.concertID, use: false, context: context)
    guard date.startsAt > now else { throw BookingError.dateInPast(dateID) }
    do {
      return try take(
        db, seats: requested, date: dateID, concert: date.concertID, user: user,
        token: pass.token, context: context)
    } catch let refusal as BookingError {
      // A sold-out date is the reason for any refusal; looked for only on refusal, so a
      // hold never walks the date's sold seats.
      guard try CatalogStore.hasUnsoldSeats(db, dateID) else {
        throw BookingError.dateSoldOut(dateID)
      }
      throw refusal
    }
  }

  /// The hold itself, once the caller and the date are checked.
  private static func take(
    _ db: Database, seats requested: [SeatID], date dateID: DateID, concert: ConcertID,
    user: UserID, token: String, context: StoreContext
  ) throws -> Hold {
    let now = context.now
    let policy = context.policy
    let seatIDs = try BookingRules.distinctSeats(requested)
    let alreadyYours = try db.step(
      BookingSQL.seatsAlreadyYours, [.int(dateID.rawValue), .text(user.rawValue), .int(now)]
    ) { Int($0.int(0)) }!
    try BookingRules.checkSeatLimit(
      requested: seatIDs.count, alreadyYours: alreadyYours, policy: policy)
    let seats = try seatIDs.map { id in
      guard
        let seat = try db.step(
          BookingSQL.seat, [.int(id.rawValue), .text(concert.rawValue)],
          read: {
            HeldSeat(id: id, label: $0.text(0), tier: $0.text(1), price: $0.int(2))
          })
      else { throw BookingError.unknownSeat("\(id)") }
      return seat
    }
    let amount = try BookingRules.total(seats)
    let expiresAt = now + policy.holdDuration.millis
    try db.step(
      BookingSQL.insertHold,
      [
        .text(user.rawValue), .int(dateID.rawValue), .text(token), .int(now), .int(expiresAt),
        .int(amount),
      ])
    let holdID = db.lastInsertedRowID
    for seat in seats {
      try db.step(
        BookingSQL.takeSeat,
        [
          .int(holdID), .text(user.rawValue), .int(expiresAt), .int(dateID.rawValue),
          .int(seat.id.rawValue), .int(now),
        ])
      guard db.changesCount == 1 else {
        throw try refusal(db, seat: seat, date: dateID, user: user)
      }
      try db.step(
        BookingSQL.insertHoldSeat, [.int(holdID), .int(seat.id.rawValue), .int(seat.price)])
    }
    return Hold(
      id: HoldID(holdID), user: user, dateID: dateID, concertID: concert, seats: seats,
      createdAt: Date(millis: now), expiresAt: Date(millis: expiresAt), amount: amount)
  }

  /// Gives the seats back. Releasing a released or expired hold changes nothing.
  static func release(_ db: Database, hold id: HoldID, user: UserID, now: Int64) throws {
    let record = try owned(db, id, user: user)
    if record.payment != nil { throw BookingError.holdAlreadyPaid(id) }
    try db.run(
      sql: "UPDATE hold SET released_at = ? WHERE id = ? AND released_at IS NULL",
      arguments: [now, id.rawValue])
    try db.run(
      sql: """
        UPDATE seat_state SET hold_id = NULL, holder = NULL, held_until = NULL
        WHERE hold_id = ? AND sale IS NULL
        """,
      arguments: [id.rawValue])
  }

  /// A hold as stored, with what paying for it or releasing it needs to know.
  struct Record {
    /// An earlier payment for the hold.
    struct Paid {
      var id: Int64
      var paidAt: Int64
      var balanceAfter: Int64
    }

    var hold: Hold
    /// When the hold's date starts.
    var startsAt: Int64
    var released: Bool
    var payment: Paid?
  }

  /// The hold with its date and payment, if it is the user's: one row, read by position.
  static func owned(_ db: Database, _ id: HoldID, user: UserID) throws -> Record {
    guard
      let record = try db.step(
        BookingSQL.hold, [.int(id.rawValue)],
        read: { row in
          Record(
            hold: Hold(
              id: id, user: UserID(row.text(0)), dateID: DateID(row.int(1)),
              concertID: ConcertID(row.text(6)), seats: [],
              createdAt: Date(millis: row.int(2)), expiresAt: Date(millis: row.int(3)),
              amount: row.int(5)),
            startsAt: row.int(7), released: !row.isNull(4),
            payment: row.isNull(8)
              ? nil
              : Record.Paid(id: row.int(8), paidAt: row.int(9), balanceAfter: row.int(10)))
        })
    else { throw BookingError.unknownHold(id) }
    guard record.hold.user == user else { throw BookingError.holdOfAnotherUser(id) }
    var complete = record
    complete.hold.seats = try db.steps(
      BookingSQL.holdSeats, [.int(id.rawValue)], read: heldSeat(from:))
    return complete
  }

  /// A seat from a row of id, label, tier and price, in that order.
  static func heldSeat(from row: Columns) -> HeldSeat {
    HeldSeat(id: SeatID(row.int(0)), label: row.text(1), tier: row.text(2), price: row.int(3))
  }

  /// Why a seat could not be taken: sold, yours already, or someone else's.
  private static func refusal(_ db: Database, seat: HeldSeat, date: DateID, user: UserID) throws
    -> BookingError
  {
    let row = try db.fetchRow(
      sql: "SELECT holder, sale FROM seat_state WHERE date_id = ? AND seat_id = ?",
      arguments: [date.rawValue, seat.id.rawValue])
    return BookingRules.seatRefusal(
      seat, sold: (row?["sale"] as String?) != nil, holder: row?["holder"], user: user)
  }
}
