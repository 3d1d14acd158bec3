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

  public init(
    ticketsSold: Int, seatsSoldTwice: Int, ticketsNotMatchingSeats: Int,
    balancesNotMatchingLedgers: Int, paymentsNotInLedgers: Int
  ) {
    self.ticketsSold = ticketsSold
    self.seatsSoldTwice = seatsSoldTwice
    self.ticketsNotMatchingSeats = ticketsNotMatchingSeats
    self.balancesNotMatchingLedgers = balancesNotMatchingLedgers
    self.paymentsNotInLedgers = paymentsNotInLedgers
  }

  /// True when nothing was sold twice and no point went missing.
  public var isClean: Bool {
    seatsSoldTwice == 0 && ticketsNotMatchingSeats == 0 && balancesNotMatchingLedgers == 0
      && paymentsNotInLedgers == 0
  }
}
