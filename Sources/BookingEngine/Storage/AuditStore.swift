import GRDB

/// Cross-checks of the whole database: what must always hold, counted.
enum AuditStore {
  static func audit(_ db: Database) throws -> SalesAudit {
    func count(_ sql: String) throws -> Int { try db.fetchValue(Int.self, sql: sql) ?? 0 }
    return SalesAudit(
      ticketsSold: try count(AuditSQL.ticketsSold),
      seatsSoldTwice: try count(AuditSQL.seatsSoldTwice),
      ticketsNotMatchingSeats: try count(AuditSQL.ticketsNotMatchingSeats),
      balancesNotMatchingLedgers: try count(AuditSQL.balancesNotMatchingLedgers),
      paymentsNotInLedgers: try count(AuditSQL.paymentsNotInLedgers),
      paymentsNotMatchingHolds: try count(AuditSQL.paymentsNotMatchingHolds),
      seatsSoldWithoutTickets: try count(AuditSQL.seatsSoldWithoutTickets),
      ledgerPaymentsWithoutPayments: try count(AuditSQL.ledgerPaymentsWithoutPayments),
      holdsWithoutSeats: try count(AuditSQL.holdsWithoutSeats),
      seatsHeldWrongly: try count(AuditSQL.seatsHeldWrongly))
  }
}
