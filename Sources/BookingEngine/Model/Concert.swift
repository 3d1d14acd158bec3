import Foundation

/// A concert on sale: a title, a venue and its hall of seats.
public struct Concert: Sendable, Hashable, Codable {
  public var id: ConcertID
  public var title: String
  public var venue: String
  /// Seats in the hall (the same on every date).
  public var seatCount: Int
  /// When the sale opens; before it the queue only collects arrivals.
  public var saleOpensAt: Date?

  public init(id: ConcertID, title: String, venue: String, seatCount: Int, saleOpensAt: Date? = nil)
  {
    self.id = id
    self.title = title
    self.venue = venue
    self.seatCount = seatCount
    self.saleOpensAt = saleOpensAt
  }
}

/// One performance of a concert, with what is left to sell.
public struct ConcertDate: Sendable, Hashable, Codable {
  /// Whether a date can be chosen.
  public enum Availability: String, Sendable, Hashable, Codable {
    case onSale = "on_sale"
    case soldOut = "sold_out"
    case past
  }

  public var id: DateID
  public var concertID: ConcertID
  public var startsAt: Date
  /// Seats neither sold nor held by anyone right now.
  public var seatsLeft: Int
  public var seatCount: Int
  public var availability: Availability

  public init(
    id: DateID, concertID: ConcertID, startsAt: Date, seatsLeft: Int, seatCount: Int,
    availability: Availability
  ) {
    self.id = id
    self.concertID = concertID
    self.startsAt = startsAt
    self.seatsLeft = seatsLeft
    self.seatCount = seatCount
    self.availability = availability
  }
}
