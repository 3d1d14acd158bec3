/// The statements of a hold and of a payment, in the order the engine runs them.
///
/// The benchmark's raw-SQLite baseline (`encore-bench hold-pay`) prepares these same
/// strings, so "the engine next to raw SQLite" compares the same statements, indexes and
/// query plans; only what runs around them differs.
package enum BookingSQL {
  /// A date's concert and start: `?1` the date.
  package static let schedule = "SELECT concert_id, starts_at FROM concert_date WHERE id = ?"

  /// Authorises a caller and keeps their claimed turn alive in one statement: `?1` the
  /// token's digest, `?2` the user, `?3` now, `?4` the concert, `?5` whether the token is
  /// used up (a payment). Returns the digest and how long the turn has run, only for the
  /// user's claimed, running turn for the concert (the line's rules as in
  /// `TokenRow.turnEnds`); anything else goes the long way, which says why.
  package static let claimPass = """
    UPDATE queue_token
    SET last_seen_at = ?3, state = CASE WHEN ?5 THEN 'used' ELSE queue_token.state END
    FROM queue_line l
    WHERE queue_token.token = ?1 AND queue_token.user_id = ?2 AND queue_token.concert_id = ?4
      AND queue_token.state = 'active' AND queue_token.claimed_at IS NOT NULL
      AND MIN(queue_token.last_seen_at + l.active_idle_ms,
              queue_token.admitted_at + l.longest_turn_ms) > ?3
      AND l.concert_id = queue_token.concert_id
    RETURNING queue_token.token, ?3 - queue_token.admitted_at
    """

  /// How many seats of date `?1` user `?2` has bought or holds at `?3`. Both counts read
  /// a partial index (by buyer, by holder): without `INDEXED BY` SQLite walks the whole
  /// date by primary key for the second.
  package static let seatsAlreadyYours = """
    SELECT (SELECT COUNT(*) FROM seat_state WHERE sold_to = ?2 AND date_id = ?1)
         + (SELECT COUNT(*) FROM seat_state INDEXED BY seat_state_by_holder
            WHERE holder = ?2 AND date_id = ?1 AND sale IS NULL AND held_until > ?3)
    """

  /// Seat `?1` of concert `?2`: label, tier and price.
  package static let seat = """
    SELECT s.label, s.tier, t.price FROM seat s
    JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
    WHERE s.id = ? AND s.concert_id = ?
    """

  package static let insertHold = """
    INSERT INTO hold (user_id, date_id, token, created_at, expires_at, amount)
    VALUES (?, ?, ?, ?, ?, ?)
    """

  /// Takes seat `?5` of date `?4` for hold `?1` of `?2` until `?3`, if it is free at `?6`.
  package static let takeSeat = """
    UPDATE seat_state SET hold_id = ?1, holder = ?2, held_until = ?3
    WHERE date_id = ?4 AND seat_id = ?5 AND sale IS NULL
      AND (held_until IS NULL OR held_until <= ?6)
    """

  package static let insertHoldSeat =
    "INSERT INTO hold_seat (hold_id, seat_id, price) VALUES (?, ?, ?)"

  /// Hold `?1` with its date's concert and start, and its payment if it has one.
  package static let hold = """
    SELECT h.user_id, h.date_id, h.created_at, h.expires_at, h.released_at, h.amount,
           d.concert_id, d.starts_at, p.id, p.paid_at, p.balance_after
    FROM hold h JOIN concert_date d ON d.id = h.date_id LEFT JOIN payment p ON p.hold_id = h.id
    WHERE h.id = ?
    """

  /// The seats of hold `?1`, in hall order.
  package static let holdSeats = """
    SELECT s.id, s.label, s.tier, hs.price FROM hold_seat hs JOIN seat s ON s.id = hs.seat_id
    WHERE hs.hold_id = ? ORDER BY s.grid_row, s.grid_col
    """

  /// Takes `?1` from user `?2`'s balance if it covers it; returns the new balance.
  package static let deduct =
    "UPDATE account SET balance = balance - ?1 WHERE user_id = ?2 AND balance >= ?1 RETURNING balance"

  package static let insertPayment = """
    INSERT INTO payment (hold_id, user_id, amount, paid_at, balance_after) VALUES (?, ?, ?, ?, ?)
    """

  /// Sells hold `?3`'s seats to `?1` under payment `?2`, those still held at `?4`.
  package static let sellSeats = """
    UPDATE seat_state SET sale = 'online', sold_to = ?1, payment_id = ?2, held_until = NULL
    WHERE hold_id = ?3 AND sale IS NULL AND held_until > ?4
    """

  /// A ticket for every seat of hold `?4`: payment `?1`, user `?2`, date `?3`.
  package static let insertTickets = """
    INSERT INTO ticket (payment_id, user_id, date_id, seat_id, price)
    SELECT ?1, ?2, ?3, seat_id, price FROM hold_seat WHERE hold_id = ?4
    """

  package static let insertLedgerEntry = """
    INSERT INTO ledger (user_id, kind, delta, balance_after, payment_id, at)
    VALUES (?, ?, ?, ?, ?, ?)
    """

  /// How far one finished turn moves a line's mean turn length (an exponential average).
  package static let turnWeight = 0.01

  /// Adds a finished turn of `?2` ms to line `?1`'s mean turn length, in one statement.
  package static let recordTurnLength = """
    UPDATE queue_line
    SET turn_mean_ms = COALESCE(turn_mean_ms + \(turnWeight) * (?2 - turn_mean_ms), ?2)
    WHERE concert_id = ?1
    """
}
