import GRDB

/// Cross-checks of the whole database: what must always hold, counted.
enum AuditStore {
  static func audit(_ db: Database) throws -> SalesAudit {
    SalesAudit(
      ticketsSold: try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM ticket")!,
      seatsSoldTwice: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM (SELECT 1 FROM ticket GROUP BY date_id, seat_id HAVING COUNT(*) > 1)
          """)!,
      ticketsNotMatchingSeats: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM ticket t
          LEFT JOIN seat_state s ON s.date_id = t.date_id AND s.seat_id = t.seat_id
          WHERE s.sold_to IS NOT t.user_id OR s.payment_id IS NOT t.payment_id
          """)!,
      balancesNotMatchingLedgers: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM account a
          WHERE a.balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE user_id = a.user_id)
          """)!,
      paymentsNotInLedgers: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM payment p
          WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.payment_id = p.id AND l.delta = -p.amount)
          """)!,
      paymentsNotMatchingHolds: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM payment p JOIN hold h ON h.id = p.hold_id
          WHERE p.user_id <> h.user_id OR p.amount <> h.amount
             OR (SELECT COUNT(*) FROM ticket t WHERE t.payment_id = p.id)
                <> (SELECT COUNT(*) FROM hold_seat hs WHERE hs.hold_id = h.id)
             OR EXISTS (SELECT 1 FROM ticket t WHERE t.payment_id = p.id AND t.user_id <> p.user_id)
          """)!,
      seatsSoldWithoutTickets: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM seat_state s
          WHERE s.sale = 'online' AND NOT EXISTS (
            SELECT 1 FROM ticket t
            WHERE t.date_id = s.date_id AND t.seat_id = s.seat_id AND t.payment_id = s.payment_id)
          """)!,
      ledgerPaymentsWithoutPayments: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM ledger l
          WHERE l.kind = 'payment' AND NOT EXISTS (
            SELECT 1 FROM payment p
            WHERE p.id = l.payment_id AND p.user_id = l.user_id AND p.amount = -l.delta)
          """)!,
      holdsWithoutSeats: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM hold h
          WHERE NOT EXISTS (SELECT 1 FROM hold_seat hs WHERE hs.hold_id = h.id)
          """)!,
      seatsHeldWrongly: try db.fetchValue(
        Int.self,
        sql: """
          SELECT COUNT(*) FROM seat_state s JOIN hold h ON h.id = s.hold_id
          WHERE s.sale IS NULL AND (
            h.released_at IS NOT NULL
            OR EXISTS (SELECT 1 FROM payment p WHERE p.hold_id = h.id)
            OR NOT EXISTS (
              SELECT 1 FROM hold_seat hs WHERE hs.hold_id = h.id AND hs.seat_id = s.seat_id))
          """)!)
  }
}
