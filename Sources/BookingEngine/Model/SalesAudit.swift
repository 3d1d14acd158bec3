/// What an audit of the whole database found. Every count but `ticketsSold` must be 0.
public struct SalesAudit: Sendable, Hashable, Codable {
  public var ticketsSold: Int
  /// Seats of a date with more than one ticket.
  public var seatsSoldTwice: Int
  /// Tickets whose seat is not marked sold to the same buyer and payment.
  public var ticketsNotMatchingSeats: Int
  /// Accounts whose balance is not the sum of their ledger.
  public var balancesNotMatchingLedgers: Int
  /// Payments without their matching ledger entry.
  public var paymentsNotInLedgers: Int
  /// Payments whose user, amount or tickets differ from their hold's.
  public var paymentsNotMatchingHolds: Int
  /// Seats marked sold online with no ticket of that payment.
  public var seatsSoldWithoutTickets: Int
  /// Payment entries of a ledger with no payment of that id, buyer and amount.
  public var ledgerPaymentsWithoutPayments: Int
  /// Holds that hold no seat: a hold is made with its seats or not at all.
  public var holdsWithoutSeats: Int
  /// Unsold seats still held by a released or paid hold, or by a hold that does not list them.
  public var seatsHeldWrongly: Int

  public init(
    ticketsSold: Int, seatsSoldTwice: Int, ticketsNotMatchingSeats: Int,
    balancesNotMatchingLedgers: Int, paymentsNotInLedgers: Int, paymentsNotMatchingHolds: Int,
    seatsSoldWithoutTickets: Int, ledgerPaymentsWithoutPayments: Int, holdsWithoutSeats: Int,
    seatsHeldWrongly: Int
  ) {
    self.ticketsSold = ticketsSold
    self.seatsSoldTwice = seatsSoldTwice
    self.ticketsNotMatchingSeats = ticketsNotMatchingSeats
    self.balancesNotMatchingLedgers = balancesNotMatchingLedgers
    self.paymentsNotInLedgers = paymentsNotInLedgers
    self.paymentsNotMatchingHolds = paymentsNotMatchingHolds
    self.seatsSoldWithoutTickets = seatsSoldWithoutTickets
    self.ledgerPaymentsWithoutPayments = ledgerPaymentsWithoutPayments
    self.holdsWithoutSeats = holdsWithoutSeats
    self.seatsHeldWrongly = seatsHeldWrongly
  }

  /// True when nothing was sold twice, no point went missing and no write was left half done.
  public var isClean: Bool {
    seatsSoldTwice == 0 && ticketsNotMatchingSeats == 0 && balancesNotMatchingLedgers == 0
      && paymentsNotInLedgers == 0 && paymentsNotMatchingHolds == 0 && seatsSoldWithoutTickets == 0
      && ledgerPaymentsWithoutPayments == 0 && holdsWithoutSeats == 0 && seatsHeldWrongly == 0
  }
}
