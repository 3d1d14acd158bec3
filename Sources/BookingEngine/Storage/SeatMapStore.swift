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

  /// The seats of a map of `date`, stamped `stamp`, that changed by `now` as `user` sees
  /// them, and the new stamp; nil when nothing did. Read on a snapshot; ``apply(_:to:)``
  /// patches the map after.
  static func changes(
    _ db: Database, date: DateID, since stamp: SeatMapStamp, user: UserID, now: Int64
  ) throws -> SeatMapChanges? {
    let version = try self.version(db, date)
    let expiry = stamp.nextExpiry?.millis
    let expired = expiry.map { $0 <= now } ?? false
    guard version != stamp.version || expired else { return nil }
    var changed = try changes(
      db, date: date, user: user, now: now, where: "AND version > ?4",
      argument: stamp.version)
    if expired {
      changed += try changes(
        db, date: date, user: user, now: now,
        where: "AND held_until > ?4 AND held_until <= ?3",
        argument: stamp.readAt.millis)
    }
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
    return SeatMapChanges(
      seats: changed.map { ($0.id, $0.state) }, stamp: Self.stamp(version, now: now, ends: ends),
      now: now)
  }

  /// `map` with `changes` made to it, in place: only the changed seats are touched, and
  /// seats left are counted as they change, not over the whole map again.
  static func apply(_ changes: SeatMapChanges, to map: inout SeatMap) {
    var seatsLeft = map.date.seatsLeft
    var positions: [SeatID: Int]?
    for (id, state) in changes.seats {
      guard let index = map.index(of: id, positions: &positions) else { continue }
      let old = map.seats[index].state
      guard old != state else { continue }
      if old == .available { seatsLeft -= 1 }
      if state == .available { seatsLeft += 1 }
      map.seats[index].state = state
    }
    map.date.seatsLeft = seatsLeft
    // Some seat is unsold whenever one is left; only a map with none left is counted.
    let unsold =
      seatsLeft > 0 ? seatsLeft : map.seats.count { $0.state != .sold && $0.state != .yours }
    map.date.availability =
      map.date.startsAt.millis <= changes.now ? .past : unsold == 0 ? .soldOut : .onSale
    map.stamp = changes.stamp
  }

  private static func version(_ db: Database, _ date: DateID) throws -> Int64 {
    guard
      let version = try db.fetchValue(
        Int64.self, sql: "SELECT seat_version FROM concert_date WHERE id = ?",
        arguments: [date.rawValue])
    else { throw BookingError.unknownDate(date) }
    return version
  }

  static func stamp(_ version: Int64, now: Int64, ends: [Int64]) -> SeatMapStamp {
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
  static let states: [Seat.State] = [.available, .held, .sold, .heldByYou, .yours]

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

  /// What changed about some seats of a date: only their state (a seat's name, tier and
  /// place never change), read from `seat_state` alone by column position. `filter`'s
  /// conditions are on `seat_state`; its one parameter is ?4.
  private static func changes(
    _ db: Database, date: DateID, user: UserID, now: Int64, where filter: String,
    argument: Int64
  ) throws -> [(id: SeatID, state: Seat.State, holdEnds: Int64?)] {
    try db.steps(
      """
      SELECT st.seat_id, \(stateColumns)
      FROM seat_state st
      WHERE st.date_id = ?1 \(filter)
      """, [.int(date.rawValue), .text(user.rawValue), .int(now), .int(argument)]
    ) { row in
      (SeatID(row.int(0)), states[Int(row.int(1))], row.isNull(2) ? nil : row.int(2))
    }
  }
}

/// What a refresh read: the seats whose state changed, and the map's new stamp.
struct SeatMapChanges: Sendable {
  var seats: [(id: SeatID, state: Seat.State)]
  var stamp: SeatMapStamp
  /// When they were read.
  var now: Int64
}

extension SeatMap {
  /// Where seat `id` is in `seats`: a hall's seats are numbered in the map's order, so
  /// first where that puts it, else by a table of every seat built once (`positions`).
  fileprivate func index(of id: SeatID, positions: inout [SeatID: Int]?) -> Int? {
    if let first = seats.first {
      let guess = Int(id.rawValue - first.id.rawValue)
      if seats.indices.contains(guess), seats[guess].id == id { return guess }
    }
    if positions == nil {
      positions = Dictionary(
        seats.enumerated().map { ($0.element.id, $0.offset) },
        uniquingKeysWith: { first, _ in first })
    }
    return positions?[id]
  }
}
