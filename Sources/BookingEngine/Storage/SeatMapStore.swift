import Foundation
import GRDB

/// Seat maps in SQL: a full read, and a refresh that costs one indexed look-up when
/// nothing changed and otherwise re-reads only the seats that did.
///
/// Every change to a seat's row bumps its date's `seat_version` and stamps the row with
/// it (a trigger, so no writer can forget); a hold that ends by itself changes nothing
/// in the database, so the map also remembers its earliest hold end.
enum SeatMapStore {
  /// Every seat of a date, as `user` sees it at `now`, stamped for later refreshes.
  static func read(_ db: Database, date: DateID, user: UserID, now: Int64) throws -> SeatMap {
    let concertDate = try CatalogStore.date(db, date, now: now)
    let version = try self.version(db, date)
    let rows = try seats(db, date: date, user: user, now: now, where: "")
    return SeatMap(
      concert: try CatalogStore.concert(db, concertDate.concertID), date: concertDate,
      seats: rows.map(\.seat), tiers: try CatalogStore.tiers(db, concert: concertDate.concertID),
      stamp: stamp(version, now: now, ends: rows.compactMap(\.holdEnds)))
  }

  /// `map` brought up to date at `now`. Unchanged, it is returned as it is.
  static func refresh(_ db: Database, _ map: SeatMap, user: UserID, now: Int64) throws -> SeatMap {
    let date = map.date.id
    let version = try self.version(db, date)
    let expiry = map.stamp.nextExpiry?.millis
    let expired = expiry.map { $0 <= now } ?? false
    guard version != map.stamp.version || expired else { return map }
    var changed = try changes(
      db, date: date, user: user, now: now, where: "AND st.version > ?4",
      arguments: [map.stamp.version])
    if expired {
      changed += try changes(
        db, date: date, user: user, now: now,
        where: "AND st.held_until > ?4 AND st.held_until <= ?3",
        arguments: [map.stamp.readAt.millis])
    }
    var updated = map
    var ends = changed.compactMap(\.holdEnds)
    if let expiry, !expired { ends.append(expiry) }
    if expired {
      // The earliest end left is not known from the changes alone.
      ends +=
        try db.fetchValue(
          Int64.self,
          sql: """
            SELECT MIN(held_until) FROM seat_state
            WHERE date_id = ? AND sale IS NULL AND held_until > ?
            """,
          arguments: [date.rawValue, now]
        ).map { [$0] } ?? []
    }
    for change in changed {
      if let index = updated.index(of: change.id, at: change.place) {
        updated.seats[index].state = change.state
      }
    }
    updated.date.seatsLeft = updated.seats.count(where: \.isAvailable)
    let unsold = updated.seats.count { $0.state != .sold && $0.state != .yours }
    updated.date.availability =
      updated.date.startsAt.millis <= now ? .past : unsold == 0 ? .soldOut : .onSale
    updated.stamp = stamp(version, now: now, ends: ends)
    return updated
  }

  private static func version(_ db: Database, _ date: DateID) throws -> Int64 {
    guard
      let version = try db.fetchValue(
        Int64.self, sql: "SELECT seat_version FROM concert_date WHERE id = ?",
        arguments: [date.rawValue])
    else { throw BookingError.unknownDate(date) }
    return version
  }

  private static func stamp(_ version: Int64, now: Int64, ends: [Int64]) -> SeatMapStamp {
    SeatMapStamp(
      version: version, readAt: Date(millis: now),
      nextExpiry: ends.filter { $0 > now }.min().map(Date.init(millis:)))
  }

  /// A seat's state as ?2 (the user) sees it at ?3 (now), as its index in `states`, and
  /// when a live hold on it ends.
  private static let stateColumns = """
    CASE WHEN st.sale IS NOT NULL THEN CASE WHEN st.sold_to = ?2 THEN 4 ELSE 2 END
         WHEN st.held_until > ?3 THEN CASE WHEN st.holder = ?2 THEN 3 ELSE 1 END
         ELSE 0 END,
    CASE WHEN st.sale IS NULL AND st.held_until > ?3 THEN st.held_until END
    """
  private static let states: [Seat.State] = [.available, .held, .sold, .heldByYou, .yours]

  /// Seats of a date as `user` sees them, with when a live hold on each ends. `filter`
  /// adds conditions on `st` (seat_state); its parameters start at ?4.
  private static func seats(
    _ db: Database, date: DateID, user: UserID, now: Int64, where filter: String
  ) throws -> [(seat: Seat, holdEnds: Int64?)] {
    let statement = try db.cachedStatement(
      sql: """
        SELECT s.id, s.label, s.section, s.row_label, s.number, s.grid_row, s.grid_col,
               t.name, t.price, t.rank, \(stateColumns)
        FROM seat_state st
        JOIN seat s ON s.id = st.seat_id
        JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
        WHERE st.date_id = ?1 \(filter)
        ORDER BY s.grid_row, s.grid_col
        """)
    // Columns by position, from a cursor that copies no row: a 2,000-seat map decodes
    // 24,000 values.
    var seats: [(seat: Seat, holdEnds: Int64?)] = []
    let rows = try Row.fetchCursor(statement, arguments: [date.rawValue, user.rawValue, now])
    while let row = try rows.next() {
      let seat = Seat(
        id: SeatID(row[0]), label: row[1], section: row[2], row: row[3], number: row[4],
        tier: PriceTier(name: row[7], price: row[8], rank: row[9]), gridRow: row[5],
        gridColumn: row[6], state: states[row[10]])
      seats.append((seat, row[11]))
    }
    return seats
  }

  /// What changed about some seats of a date: only their state, and where they sit to
  /// find them in the map (a seat's name, tier and place never change). `filter`'s
  /// parameters start at ?4.
  private static func changes(
    _ db: Database, date: DateID, user: UserID, now: Int64, where filter: String,
    arguments: [any DatabaseValueConvertible]
  ) throws -> [(id: SeatID, place: (Int, Int), state: Seat.State, holdEnds: Int64?)] {
    let statement = try db.cachedStatement(
      sql: """
        SELECT st.seat_id, s.grid_row, s.grid_col, \(stateColumns)
        FROM seat_state st JOIN seat s ON s.id = st.seat_id
        WHERE st.date_id = ?1 \(filter)
        """)
    var changes: [(id: SeatID, place: (Int, Int), state: Seat.State, holdEnds: Int64?)] = []
    let rows = try Row.fetchCursor(
      statement, arguments: StatementArguments([date.rawValue, user.rawValue, now] + arguments))
    while let row = try rows.next() {
      changes.append((SeatID(row[0]), (row[1], row[2]), states[row[3]], row[4]))
    }
    return changes
  }
}

extension SeatMap {
  /// Where seat `id` sits in `seats`, found by its place in the hall (the map's order).
  fileprivate func index(of id: SeatID, at key: (Int, Int)) -> Int? {
    var low = 0
    var high = seats.count
    while low < high {
      let middle = (low + high) / 2
      if (seats[middle].gridRow, seats[middle].gridColumn) < key {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < seats.count && seats[low].id == id ? low : nil
  }
}
