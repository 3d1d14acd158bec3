import Foundation

/// A completed payment for a hold: the seats are sold and the points deducted.
public struct Payment: Sendable, Hashable, Codable {
  public var id: PaymentID
  public var holdID: HoldID
  public var user: UserID
  public var amount: Int64
  public var paidAt: Date
  /// The user's balance right after this payment.
  public var balanceAfter: Int64
  public var seats: [HeldSeat]

  public init(
    id: PaymentID, holdID: HoldID, user: UserID, amount: Int64, paidAt: Date, balanceAfter: Int64,
    seats: [HeldSeat]
  ) {
    self.id = id
    self.holdID = holdID
    self.user = user
    self.amount = amount
    self.paidAt = paidAt
    self.balanceAfter = balanceAfter
    self.seats = seats
  }
}

/// A bought seat, as the user keeps it.
public struct Ticket: Sendable, Hashable, Codable {
  public var id: Int64
  public var paymentID: PaymentID
  public var concert: Concert
  public var dateID: DateID
  public var startsAt: Date
  public var seat: HeldSeat
  public var paidAt: Date

  public init(
    id: Int64, paymentID: PaymentID, concert: Concert, dateID: DateID, startsAt: Date,
    seat: HeldSeat, paidAt: Date
  ) {
    self.id = id
    self.paymentID = paymentID
    self.concert = concert
    self.dateID = dateID
    self.startsAt = startsAt
    self.seat = seat
    self.paidAt = paidAt
  }
}
