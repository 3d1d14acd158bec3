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

  public init(
    ticketsSold: Int, seatsSoldTwice: Int, ticketsNotMatchingSeats: Int,
    balancesNotMatchingLedgers: Int, paymentsNotInLedgers: Int, paymentsNotMatchingHolds: Int,
    seatsSoldWithoutTickets: Int
  ) {
    self.ticketsSold = ticketsSold
    self.seatsSoldTwice = seatsSoldTwice
    self.ticketsNotMatchingSeats = ticketsNotMatchingSeats
    self.balancesNotMatchingLedgers = balancesNotMatchingLedgers
    self.paymentsNotInLedgers = paymentsNotInLedgers
    self.paymentsNotMatchingHolds = paymentsNotMatchingHolds
    self.seatsSoldWithoutTickets = seatsSoldWithoutTickets
  }

  /// True when nothing was sold twice and no point went missing.
  public var isClean: Bool {
    seatsSoldTwice == 0 && ticketsNotMatchingSeats == 0 && balancesNotMatchingLedgers == 0
      && paymentsNotInLedgers == 0 && paymentsNotMatchingHolds == 0 && seatsSoldWithoutTickets == 0
  }
}
