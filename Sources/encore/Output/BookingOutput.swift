import BookingEngine
import Foundation

/// One seat of a hold, a payment or a ticket.
struct SeatOutput: Encodable {
  var label: String
  var tier: String
  var price: Int64

  init(_ seat: HeldSeat) {
    label = seat.label
    tier = seat.tier
    price = seat.price
  }
}

/// `encore hold --json`.
struct HoldOutput: Encodable {
  var holdId: Int64
  var concert: String
  var dateId: Int64
  var seats: [SeatOutput]
  var amount: Int64
  var createdAt: Date
  var expiresAt: Date

  init(_ hold: Hold) {
    holdId = hold.id.rawValue
    concert = hold.concertID.rawValue
    dateId = hold.dateID.rawValue
    seats = hold.seats.map(SeatOutput.init)
    amount = hold.amount
    createdAt = hold.createdAt
    expiresAt = hold.expiresAt
  }
}

/// `encore release --json`.
struct ReleaseOutput: Encodable {
  var holdId: Int64
  var released: Bool
}

/// `encore pay --json`.
struct PaymentOutput: Encodable {
  var paymentId: Int64
  var holdId: Int64
  var amount: Int64
  /// The balance right after the payment.
  var balance: Int64
  var paidAt: Date
  var seats: [SeatOutput]

  init(_ payment: Payment) {
    paymentId = payment.id.rawValue
    holdId = payment.holdID.rawValue
    amount = payment.amount
    balance = payment.balanceAfter
    paidAt = payment.paidAt
    seats = payment.seats.map(SeatOutput.init)
  }
}

/// `encore tickets --json`.
struct TicketsOutput: Encodable {
  struct Item: Encodable {
    var ticketId: Int64
    var paymentId: Int64
    var concert: String
    var title: String
    var venue: String
    var dateId: Int64
    var startsAt: Date
    var seat: SeatOutput
    var paidAt: Date
  }

  var user: String
  var tickets: [Item]

  init(user: UserID, tickets: [Ticket]) {
    self.user = user.rawValue
    self.tickets = tickets.map {
      Item(
        ticketId: $0.id, paymentId: $0.paymentID.rawValue, concert: $0.concert.id.rawValue,
        title: $0.concert.title, venue: $0.concert.venue, dateId: $0.dateID.rawValue,
        startsAt: $0.startsAt, seat: SeatOutput($0.seat), paidAt: $0.paidAt)
    }
  }
}
