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
    var changed = try seats(
      db, date: date, user: user, now: now, where: "AND st.version > ?2",
      arguments: [map.stamp.version])
    if expired {
      changed += try seats(
        db, date: date, user: user, now: now, where: "AND st.held_until > ?2 AND st.held_until <= ?3",
        arguments: [map.stamp.readAt.millis, now])
    }
    var updated = map
    var ends = changed.compactMap(\.holdEnds)
    if let expiry, !expired { ends.append(expiry) }
    if expired {
      // The earliest end left is not known from the changes alone.
      ends += try db.fetchValue(
        Int64.self,
        sql: """
          SELECT MIN(held_until) FROM seat_state
          WHERE date_id = ? AND sold_to IS NULL AND held_until > ?
          """,
        arguments: [date.rawValue, now]
      ).map { [$0] } ?? []
    }
    for row in changed {
      if let index = updated.index(of: row.seat) { updated.seats[index] = row.seat }
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

  /// Seats of a date as `user` sees them, with when a live hold on each ends. `filter`
  /// adds conditions on `st` (seat_state); its parameters start at ?2.
  private static func seats(
    _ db: Database, date: DateID, user: UserID, now: Int64, where filter: String,
    arguments: [any DatabaseValueConvertible] = []
  ) throws -> [(seat: Seat, holdEnds: Int64?)] {
    let statement = try db.cachedStatement(
      sql: """
        SELECT s.id, s.label, s.section, s.row_label, s.number, s.grid_row, s.grid_col,
               t.name, t.price, t.rank, st.holder, st.held_until, st.sold_to
        FROM seat_state st
        JOIN seat s ON s.id = st.seat_id
        JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
        WHERE st.date_id = ?1 \(filter)
        ORDER BY s.grid_row, s.grid_col
        """)
    // Columns by position: a 2,000-seat map decodes 26,000 values.
    return try Row.fetchAll(
      statement, arguments: StatementArguments([date.rawValue] + arguments)
    ).map { row in
      let holder: String? = row[10]
      let heldUntil: Int64? = row[11]
      let soldTo: String? = row[12]
      let live = soldTo == nil ? heldUntil.flatMap { $0 > now ? $0 : nil } : nil
      let state: Seat.State =
        if let soldTo {
          soldTo == user.rawValue ? .yours : .sold
        } else if live != nil {
          holder == user.rawValue ? .heldByYou : .held
        } else {
          .available
        }
      let seat = Seat(
        id: SeatID(row[0]), label: row[1], section: row[2], row: row[3], number: row[4],
        tier: PriceTier(name: row[7], price: row[8], rank: row[9]), gridRow: row[5],
        gridColumn: row[6], state: state)
      return (seat, live)
    }
  }
}

extension SeatMap {
  /// Where `seat` sits in `seats`, found by its place in the hall (the map's order).
  fileprivate func index(of seat: Seat) -> Int? {
    var low = 0
    var high = seats.count
    let key = (seat.gridRow, seat.gridColumn)
    while low < high {
      let middle = (low + high) / 2
      if (seats[middle].gridRow, seats[middle].gridColumn) < key {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < seats.count && seats[low].id == seat.id ? low : nil
  }
}
