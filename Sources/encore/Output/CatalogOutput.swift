import BookingEngine
import Foundation

/// `encore concerts --json`.
struct ConcertsOutput: Encodable {
  struct Item: Encodable {
    var id: String
    var title: String
    var venue: String
    var seatCount: Int
    var saleOpensAt: Date?
  }

  var concerts: [Item]

  init(_ concerts: [Concert]) {
    self.concerts = concerts.map {
      Item(
        id: $0.id.rawValue, title: $0.title, venue: $0.venue, seatCount: $0.seatCount,
        saleOpensAt: $0.saleOpensAt)
    }
  }
}

/// `encore dates CONCERT --json`.
struct DatesOutput: Encodable {
  struct Item: Encodable {
    var dateId: Int64
    var startsAt: Date
    var seatsLeft: Int
    var seatCount: Int
    /// `on_sale`, `sold_out` or `past`.
    var availability: String
  }

  var concert: String
  var dates: [Item]

  init(concert: ConcertID, dates: [ConcertDate]) {
    self.concert = concert.rawValue
    self.dates = dates.map {
      Item(
        dateId: $0.id.rawValue, startsAt: $0.startsAt, seatsLeft: $0.seatsLeft,
        seatCount: $0.seatCount, availability: $0.availability.rawValue)
    }
  }
}

/// `encore seats DATE --json`.
struct SeatsOutput: Encodable {
  struct Tier: Encodable {
    var name: String
    var price: Int64
    var available: Int
  }

  struct Item: Encodable {
    var label: String
    var section: String
    var row: String
    var number: Int
    var tier: String
    var price: Int64
    /// `available`, `held`, `sold`, `held_by_you` or `yours`.
    var state: String
  }

  var concert: String
  var title: String
  var dateId: Int64
  var startsAt: Date
  var seatsLeft: Int
  var tiers: [Tier]
  var seats: [Item]

  init(_ map: SeatMap) {
    concert = map.concert.id.rawValue
    title = map.concert.title
    dateId = map.date.id.rawValue
    startsAt = map.date.startsAt
    seatsLeft = map.date.seatsLeft
    tiers = map.tiers.map { tier in
      Tier(
        name: tier.name, price: tier.price,
        available: map.seats.count { $0.tier.name == tier.name && $0.isAvailable })
    }
    seats = map.seats.map {
      Item(
        label: $0.label, section: $0.section, row: $0.row, number: $0.number, tier: $0.tier.name,
        price: $0.tier.price, state: $0.state.rawValue)
    }
  }
}
