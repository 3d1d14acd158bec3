import Foundation

/// Seats kept for one user for a short time, all on one date.
public struct Hold: Sendable, Hashable, Codable {
  public var id: HoldID
  public var user: UserID
  public var dateID: DateID
  public var concertID: ConcertID
  public var seats: [HeldSeat]
  public var createdAt: Date
  public var expiresAt: Date
  /// Sum of the seats' prices, in won.
  public var amount: Int64

  public init(
    id: HoldID, user: UserID, dateID: DateID, concertID: ConcertID, seats: [HeldSeat],
    createdAt: Date, expiresAt: Date, amount: Int64
  ) {
    self.id = id
    self.user = user
    self.dateID = dateID
    self.concertID = concertID
    self.seats = seats
    self.createdAt = createdAt
    self.expiresAt = expiresAt
    self.amount = amount
  }

  /// Time left before the seats are free again (zero once expired).
  public func remaining(at now: Date) -> TimeInterval {
    max(0, expiresAt.timeIntervalSince(now))
  }
}

/// One seat in a hold or a payment.
public struct HeldSeat: Sendable, Hashable, Codable {
  public var id: SeatID
  public var label: String
  public var tier: String
  public var price: Int64

  public init(id: SeatID, label: String, tier: String, price: Int64) {
    self.id = id
    self.label = label
    self.tier = tier
    self.price = price
  }
}
