import Foundation
import GRDB

/// Concerts, halls and dates in SQL, and what is left to sell.
enum CatalogStore {
  static func concertExists(_ db: Database, _ id: ConcertID) throws -> Bool {
    try db.fetchValue(
      Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM concert WHERE id = ?)", arguments: [id.rawValue]
    )!
  }

  static func isEmpty(_ db: Database) throws -> Bool {
    try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM concert")! == 0
  }

  static func concerts(_ db: Database) throws -> [Concert] {
    try db.fetchRows(sql: concertSelect + " ORDER BY c.sort_order").map(concert(from:))
  }

  static func concert(_ db: Database, _ id: ConcertID) throws -> Concert {
    guard
      let row = try db.fetchRow(sql: concertSelect + " WHERE c.id = ?", arguments: [id.rawValue])
    else { throw BookingError.unknownConcert(id) }
    return concert(from: row)
  }

  static func dates(_ db: Database, concert: ConcertID, now: Int64) throws -> [ConcertDate] {
    try db.fetchRows(
      sql: dateSelect + " WHERE d.concert_id = ?2 GROUP BY d.id ORDER BY d.starts_at, d.id",
      arguments: [now, concert.rawValue]
    ).map { date(from: $0, now: now) }
  }

  static func date(_ db: Database, _ id: DateID, now: Int64) throws -> ConcertDate {
    guard
      let row = try db.fetchRow(
        sql: dateSelect + " WHERE d.id = ?2 GROUP BY d.id", arguments: [now, id.rawValue])
    else { throw BookingError.unknownDate(id) }
    return date(from: row, now: now)
  }

  /// A date's concert and start, without counting its seats.
  static func schedule(_ db: Database, _ id: DateID) throws -> (
    concertID: ConcertID, startsAt: Int64
  ) {
    guard
      let schedule = try db.step(
        BookingSQL.schedule, [.int(id.rawValue)], read: { (ConcertID($0.text(0)), $0.int(1)) })
    else { throw BookingError.unknownDate(id) }
    return schedule
  }

  static func hasUnsoldSeats(_ db: Database, _ id: DateID) throws -> Bool {
    try db.fetchValue(
      Bool.self,
      sql: "SELECT EXISTS (SELECT 1 FROM seat_state WHERE date_id = ? AND sale IS NULL)",
      arguments: [id.rawValue])!
  }

  static func tiers(_ db: Database, concert: ConcertID) throws -> [PriceTier] {
    try db.fetchRows(
      sql: "SELECT name, price, rank FROM tier WHERE concert_id = ? ORDER BY rank",
      arguments: [concert.rawValue]
    ).map { PriceTier(name: $0["name"], price: $0["price"], rank: $0["rank"]) }
  }

  /// Adds a catalog's concerts with their seats and dates.
  static func seed(_ db: Database, _ catalog: Catalog) throws {
    let order = try db.fetchValue(
      Int.self, sql: "SELECT COALESCE(MAX(sort_order), 0) FROM concert")!
    for (index, spec) in catalog.concerts.enumerated() {
      try db.run(
        sql:
          "INSERT INTO concert (id, title, venue, sale_opens_at, sort_order) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          spec.id.rawValue, spec.title, spec.venue, spec.saleOpensAt?.millis, order + index + 1,
        ])
      for tier in spec.tiers {
        try db.run(
          sql: "INSERT INTO tier (concert_id, name, price, rank) VALUES (?, ?, ?, ?)",
          arguments: [spec.id.rawValue, tier.name, tier.price, tier.rank])
      }
      let insertSeat = try db.makeStatement(
        sql: """
          INSERT INTO seat (concert_id, label, section, row_label, number, tier, grid_row, grid_col)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for seat in spec.seats {
        try insertSeat.execute(arguments: [
          spec.id.rawValue, seat.label, seat.section, seat.row, seat.number, seat.tier,
          seat.gridRow,
          seat.gridColumn,
        ])
      }
      for date in spec.dates {
        try db.run(
          sql: "INSERT INTO concert_date (concert_id, starts_at) VALUES (?, ?)",
          arguments: [spec.id.rawValue, date.startsAt.millis])
        let dateID = db.lastInsertedRowID
        try db.run(
          sql:
            "INSERT INTO seat_state (date_id, seat_id) SELECT ?, id FROM seat WHERE concert_id = ?",
          arguments: [dateID, spec.id.rawValue])
        let markSold = try db.makeStatement(
          sql: """
            UPDATE seat_state SET sale = 'box_office'
            WHERE date_id = ? AND seat_id = (SELECT id FROM seat WHERE concert_id = ? AND label = ?)
            """)
        for label in date.soldElsewhere.sorted() {
          try markSold.execute(arguments: [dateID, spec.id.rawValue, label])
        }
      }
    }
  }

  /// Deletes every concert, hold, payment, ticket, point and token.
  static func wipe(_ db: Database) throws {
    for table in [
      "ledger", "account", "ticket", "seat_state", "payment", "hold_seat", "hold", "queue_token",
      "queue_fenwick",
      "queue_line", "concert_date", "seat", "tier", "concert",
    ] {
      try db.run(sql: "DELETE FROM \(table)")
    }
  }

  // MARK: - Rows

  private static let concertSelect = """
    SELECT c.id, c.title, c.venue, c.sale_opens_at,
           (SELECT COUNT(*) FROM seat WHERE concert_id = c.id) AS seat_count
    FROM concert c
    """

  private static func concert(from row: Row) -> Concert {
    Concert(
      id: ConcertID(row["id"] as String), title: row["title"], venue: row["venue"],
      seatCount: row["seat_count"],
      saleOpensAt: (row["sale_opens_at"] as Int64?).map(Date.init(millis:)))
  }

  /// Takes `now` as its first argument.
  private static let dateSelect = """
    SELECT d.id, d.concert_id, d.starts_at,
           COUNT(*) AS seat_count,
           SUM(st.sale IS NULL) AS unsold,
           SUM(st.sale IS NULL AND (st.held_until IS NULL OR st.held_until <= ?1)) AS seats_left
    FROM concert_date d JOIN seat_state st ON st.date_id = d.id
    """

  private static func date(from row: Row, now: Int64) -> ConcertDate {
    let startsAt: Int64 = row["starts_at"]
    let unsold: Int = row["unsold"]
    let availability = BookingRules.availability(startsAt: startsAt, unsold: unsold, now: now)
    return ConcertDate(
      id: DateID(row["id"]), concertID: ConcertID(row["concert_id"] as String),
      startsAt: Date(millis: startsAt), seatsLeft: row["seats_left"], seatCount: row["seat_count"],
      availability: availability)
  }
}
