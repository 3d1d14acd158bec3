/// The audit's cross-checks, one count each, in SQL that SQLite and PostgreSQL both run
/// as written: both stores audit with the same text.
enum AuditSQL {
  static let ticketsSold = "SELECT COUNT(*) FROM ticket"

  static let seatsSoldTwice = """
    SELECT COUNT(*) FROM (SELECT 1 FROM ticket GROUP BY date_id, seat_id HAVING COUNT(*) > 1) x
    """

  static let ticketsNotMatchingSeats = """
    SELECT COUNT(*) FROM ticket t
    LEFT JOIN seat_state s ON s.date_id = t.date_id AND s.seat_id = t.seat_id
    WHERE s.sold_to IS DISTINCT FROM t.user_id OR s.payment_id IS DISTINCT FROM t.payment_id
    """

  static let balancesNotMatchingLedgers = """
    SELECT COUNT(*) FROM account a
    WHERE a.balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE user_id = a.user_id)
    """

  static let paymentsNotInLedgers = """
    SELECT COUNT(*) FROM payment p
    WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.payment_id = p.id AND l.delta = -p.amount)
    """

  static let paymentsNotMatchingHolds = """
    SELECT COUNT(*) FROM payment p JOIN hold h ON h.id = p.hold_id
    WHERE p.user_id <> h.user_id OR p.amount <> h.amount
       OR (SELECT COUNT(*) FROM ticket t WHERE t.payment_id = p.id)
          <> (SELECT COUNT(*) FROM hold_seat hs WHERE hs.hold_id = h.id)
       OR EXISTS (SELECT 1 FROM ticket t WHERE t.payment_id = p.id AND t.user_id <> p.user_id)
    """

  static let seatsSoldWithoutTickets = """
    SELECT COUNT(*) FROM seat_state s
    WHERE s.sale = 'online' AND NOT EXISTS (
      SELECT 1 FROM ticket t
      WHERE t.date_id = s.date_id AND t.seat_id = s.seat_id AND t.payment_id = s.payment_id)
    """

  static let ledgerPaymentsWithoutPayments = """
    SELECT COUNT(*) FROM ledger l
    WHERE l.kind = 'payment' AND NOT EXISTS (
      SELECT 1 FROM payment p
      WHERE p.id = l.payment_id AND p.user_id = l.user_id AND p.amount = -l.delta)
    """

  static let holdsWithoutSeats = """
    SELECT COUNT(*) FROM hold h
    WHERE NOT EXISTS (SELECT 1 FROM hold_seat hs WHERE hs.hold_id = h.id)
    """

  static let seatsHeldWrongly = """
    SELECT COUNT(*) FROM seat_state s JOIN hold h ON h.id = s.hold_id
    WHERE s.sale IS NULL AND (
      h.released_at IS NOT NULL
      OR EXISTS (SELECT 1 FROM payment p WHERE p.hold_id = h.id)
      OR NOT EXISTS (
        SELECT 1 FROM hold_seat hs WHERE hs.hold_id = h.id AND hs.seat_id = s.seat_id))
    """
}
