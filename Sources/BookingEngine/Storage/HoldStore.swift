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
    let policy = context.policy
    let date = try CatalogStore.schedule(db, dateID)
    let pass = try QueueStore.authorize(
      db, token: token, user: user, concert: date.concertID, context: context)
    guard date.startsAt > now else { throw BookingError.dateInPast(dateID) }
    guard try CatalogStore.hasUnsoldSeats(db, dateID) else {
      throw BookingError.dateSoldOut(dateID)
    }
    var seen = Set<SeatID>()
    let seatIDs = requested.filter { seen.insert($0).inserted }
    guard !seatIDs.isEmpty else { throw BookingError.noSeatsChosen }
    let alreadyYours = try db.fetchValue(
      Int.self,
      sql: """
        SELECT (SELECT COUNT(*) FROM seat_state WHERE sold_to = ?2 AND date_id = ?1)
             + (SELECT COUNT(*) FROM seat_state
                WHERE holder = ?2 AND date_id = ?1 AND sale IS NULL AND held_until > ?3)
        """,
      arguments: [dateID.rawValue, user.rawValue, now])!
    guard alreadyYours + seatIDs.count <= policy.maxSeatsPerUser else {
      throw BookingError.tooManySeats(
        requested: seatIDs.count, alreadyYours: alreadyYours, limit: policy.maxSeatsPerUser)
    }
    let seats = try seatIDs.map { try heldSeat(db, $0, concert: date.concertID) }
    let amount = try total(seats)
    let expiresAt = now + policy.holdDuration.millis
    try db.run(
      sql: """
        INSERT INTO hold (user_id, date_id, token, created_at, expires_at, amount)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [user.rawValue, dateID.rawValue, pass.token, now, expiresAt, amount])
    let holdID = db.lastInsertedRowID
    let take = try db.cachedStatement(
      sql: """
        UPDATE seat_state SET hold_id = ?1, holder = ?2, held_until = ?3
        WHERE date_id = ?4 AND seat_id = ?5 AND sale IS NULL
          AND (held_until IS NULL OR held_until <= ?6)
        """)
    for seat in seats {
      try take.execute(arguments: [
        holdID, user.rawValue, expiresAt, dateID.rawValue, seat.id.rawValue, now,
      ])
      guard db.changesCount == 1 else {
        throw try refusal(db, seat: seat, date: dateID, user: user)
      }
      try db.run(
        sql: "INSERT INTO hold_seat (hold_id, seat_id, price) VALUES (?, ?, ?)",
        arguments: [holdID, seat.id.rawValue, seat.price])
    }
    return Hold(
      id: HoldID(holdID), user: user, dateID: dateID, concertID: date.concertID, seats: seats,
      createdAt: Date(millis: now), expiresAt: Date(millis: expiresAt), amount: amount)
  }

  /// Gives the seats back. Releasing a released or expired hold changes nothing.
  static func release(_ db: Database, hold id: HoldID, user: UserID, now: Int64) throws {
    let hold = try owned(db, id, user: user)
    if try PaymentStore.paymentExists(db, hold: id) { throw BookingError.holdAlreadyPaid(id) }
    try db.run(
      sql: "UPDATE hold SET released_at = ? WHERE id = ? AND released_at IS NULL",
      arguments: [now, hold.id.rawValue])
    try db.run(
      sql: """
        UPDATE seat_state SET hold_id = NULL, holder = NULL, held_until = NULL
        WHERE hold_id = ? AND sale IS NULL
        """,
      arguments: [hold.id.rawValue])
  }

  /// The hold, if it is the user's.
  static func owned(_ db: Database, _ id: HoldID, user: UserID) throws -> Hold {
    let hold = try fetch(db, id)
    guard hold.user == user else { throw BookingError.holdOfAnotherUser(id) }
    return hold
  }

  static func fetch(_ db: Database, _ id: HoldID) throws -> Hold {
    guard
      let row = try db.fetchRow(
        sql: """
          SELECT h.*, d.concert_id FROM hold h JOIN concert_date d ON d.id = h.date_id WHERE h.id = ?
          """,
        arguments: [id.rawValue])
    else { throw BookingError.unknownHold(id) }
    let seats = try db.fetchRows(
      sql: """
        SELECT s.id, s.label, s.tier, hs.price FROM hold_seat hs JOIN seat s ON s.id = hs.seat_id
        WHERE hs.hold_id = ? ORDER BY s.grid_row, s.grid_col
        """,
      arguments: [id.rawValue]
    ).map(heldSeat(from:))
    return Hold(
      id: id, user: UserID(row["user_id"] as String), dateID: DateID(row["date_id"]),
      concertID: ConcertID(row["concert_id"] as String), seats: seats,
      createdAt: Date(millis: row["created_at"]), expiresAt: Date(millis: row["expires_at"]),
      amount: row["amount"])
  }

  static func isReleased(_ db: Database, _ id: HoldID) throws -> Bool {
    try db.fetchValue(
      Bool.self, sql: "SELECT released_at IS NOT NULL FROM hold WHERE id = ?",
      arguments: [id.rawValue])
      ?? false
  }

  static func heldSeat(from row: Row) -> HeldSeat {
    HeldSeat(id: SeatID(row["id"]), label: row["label"], tier: row["tier"], price: row["price"])
  }

  private static func heldSeat(_ db: Database, _ id: SeatID, concert: ConcertID) throws -> HeldSeat
  {
    guard
      let row = try db.fetchRow(
        sql: """
          SELECT s.id, s.label, s.tier, t.price FROM seat s
          JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
          WHERE s.id = ? AND s.concert_id = ?
          """,
        arguments: [id.rawValue, concert.rawValue])
    else { throw BookingError.unknownSeat("\(id)") }
    return heldSeat(from: row)
  }

  /// The seats' total price; a price or total beyond ``Won/limit`` is refused, never summed
  /// into an overflow.
  private static func total(_ seats: [HeldSeat]) throws -> Int64 {
    var sum: Int64 = 0
    for seat in seats {
      guard seat.price > 0, seat.price <= Won.limit - sum else {
        throw BookingError.amountBeyondLimit(limit: Won.limit)
      }
      sum += seat.price
    }
    return sum
  }

  /// Why a seat could not be taken: sold, yours already, or someone else's.
  private static func refusal(_ db: Database, seat: HeldSeat, date: DateID, user: UserID) throws
    -> BookingError
  {
    let row = try db.fetchRow(
      sql: "SELECT holder, sale FROM seat_state WHERE date_id = ? AND seat_id = ?",
      arguments: [date.rawValue, seat.id.rawValue])
    if (row?["sale"] as String?) != nil { return .seatSold(seat.label) }
    if (row?["holder"] as String?) == user.rawValue { return .seatAlreadyYours(seat.label) }
    return .seatTaken(seat.label)
  }
}
