/// The statements of a hold and of a payment on PostgreSQL, in the order the engine runs
/// them, each prepared once per connection.
///
/// A hold is `BEGIN`, ``keepTurnForDate``, ``seatsToHold``, ``takeSeats``, `COMMIT`; a
/// payment `BEGIN`, ``lockHold``, ``holdRecord``, ``useTurn``, ``payWrite``, `COMMIT`. The
/// benchmark (`encore-bench hold-pay --database postgres://…`) writes its pgbench scripts
/// from these same strings, so the engine and pgbench cannot drift apart. Plain strings,
/// outside the trait, so the benchmark builds either way.
/// Values in a select list carry casts: pgbench's prepared mode sends them untyped.
///
/// A list of seats is read through a sub-select, `(SELECT $n::bigint[])`, never as the
/// bare parameter. A custom plan sees the list's length and a generic one guesses ten, so
/// the generic plan always looked dearer and the server planned the statement again at
/// every execution (0.8 ms a hold); behind the sub-select both guess alike and, after its
/// first five runs, a connection keeps one plan.
package enum PostgresBookingSQL {
  /// A claimed turn still running under its line's rules (as `TokenRow.turnEnds`), for a
  /// `queue_token t` and its `queue_line l`; `$3` is now.
  static let runningTurn = """
    t.state = 'active' AND t.claimed_at IS NOT NULL
      AND LEAST(t.last_seen_at + l.active_idle_ms, t.admitted_at + l.longest_turn_ms) > $3
    """

  /// A hold's first statement: keeps the caller's running turn for the concert of date
  /// `$4` alive and reads the date. `$1` the token's digest, `$2` the user, `$3` now.
  /// Returns the stored digest, the concert and the start; no row sends the hold the long
  /// way (unknown date, or a turn that is not running), which says why.
  package static let keepTurnForDate = """
    UPDATE queue_token t SET last_seen_at = $3
    FROM concert_date d, queue_line l
    WHERE d.id = $4 AND t.token = $1 AND t.user_id = $2 AND t.concert_id = d.concert_id
      AND l.concert_id = t.concert_id AND \(runningTurn)
    RETURNING t.token, d.concert_id, d.starts_at
    """

  /// What a hold decides on, read after the turn's row is locked (so a hold of the same
  /// user that committed meanwhile is counted): the seats of date `$2` user `$1` has
  /// bought or holds at `$3`, and each seat of `$4` (in that order) of concert `$5`, with
  /// its label, tier and price (null for a seat the concert does not have). Each seat is
  /// looked up by its key (a `LATERAL` subquery that `LIMIT` keeps from being flattened):
  /// a generic plan would otherwise hash the whole hall (1 ms on 2,000 seats).
  package static let seatsToHold = """
    SELECT (SELECT COUNT(*) FROM seat_state WHERE sold_to = $1 AND date_id = $2)
         + (SELECT COUNT(*) FROM seat_state WHERE holder = $1 AND date_id = $2
              AND sale IS NULL AND held_until > $3) AS mine,
           x.label, x.tier, x.price
    FROM unnest((SELECT $4::bigint[])) WITH ORDINALITY AS r(id, n)
    LEFT JOIN LATERAL (
      SELECT s.label, s.tier, t.price FROM seat s
      JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
      WHERE s.id = r.id AND s.concert_id = $5 LIMIT 1) x ON TRUE
    ORDER BY r.n
    """

  /// The hold's writes in one statement: the hold row (`$1` user, `$2` date, `$3` token
  /// digest, `$4` now, `$5` expiry, `$6` amount), the conditional take of seats `$7` (free,
  /// or held until `$4` at the latest) and their hold-seat rows at prices `$8`. Returns the
  /// hold's id and the seats taken: the engine refuses (and rolls back) unless all were.
  package static let takeSeats = """
    WITH r AS (
      SELECT * FROM unnest((SELECT $7::bigint[]), (SELECT $8::bigint[])) AS r(seat_id, price)),
    h AS (
      INSERT INTO hold (user_id, date_id, token, created_at, expires_at, amount)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING id),
    taken AS (
      UPDATE seat_state st SET hold_id = h.id, holder = $1, held_until = $5
      FROM h, r
      WHERE st.date_id = $2 AND st.seat_id = r.seat_id AND st.sale IS NULL
        AND (st.held_until IS NULL OR st.held_until <= $4)
      RETURNING st.seat_id),
    kept AS (
      INSERT INTO hold_seat (hold_id, seat_id, price) SELECT h.id, r.seat_id, r.price FROM h, r)
    SELECT h.id AS hold_id, ARRAY(SELECT seat_id FROM taken) AS taken FROM h
    """

  /// Locks hold `$1` until the transaction ends, so two payments of it run one at a time.
  /// Alone, before the hold is read: a statement that waited for the lock sees only the
  /// locked row anew, so a payment committed meanwhile is read by the next statement.
  package static let lockHold = "SELECT id AS hold_id FROM hold WHERE id = $1 FOR UPDATE"

  /// Hold `$1` with its date and payment, one row per seat in the hall's order.
  package static let holdRecord = """
    SELECT h.user_id, h.date_id, h.created_at, h.expires_at, h.released_at, h.amount,
           d.concert_id, d.starts_at, p.id AS payment_id, p.paid_at, p.balance_after,
           s.id AS seat_id, s.label, s.tier, hs.price
    FROM hold h JOIN concert_date d ON d.id = h.date_id
    LEFT JOIN payment p ON p.hold_id = h.id
    LEFT JOIN hold_seat hs ON hs.hold_id = h.id
    LEFT JOIN seat s ON s.id = hs.seat_id
    WHERE h.id = $1
    ORDER BY s.grid_row, s.grid_col
    """

  /// A payment's token check: uses up the caller's running turn for concert `$4` (`$1` the
  /// digest, `$2` the user, `$3` now), with the line's row locked first and its turn
  /// statistics read, for the turn's length to be recorded. Returns the stored digest, how
  /// long the turn ran, and the line's turn mean, lapse share, claim flow and its time.
  package static let useTurn = """
    WITH l AS (
      SELECT concert_id, active_idle_ms, longest_turn_ms, turn_mean_ms, lapse_share,
             claim_flow, flow_at
      FROM queue_line WHERE concert_id = $4 FOR UPDATE)
    UPDATE queue_token t SET last_seen_at = $3, state = 'used'
    FROM l
    WHERE t.token = $1 AND t.user_id = $2 AND t.concert_id = l.concert_id AND \(runningTurn)
    RETURNING t.token, $3 - t.admitted_at AS length, l.turn_mean_ms, l.lapse_share,
              l.claim_flow, l.flow_at
    """

  /// The payment's writes in one statement: deducts `$3` from user `$2` if the balance
  /// allows, records the payment of hold `$1` at `$4`, sells the hold's seats still held
  /// (of date `$5`), writes a ticket for each seat sold and the ledger entry (kind `$6`),
  /// and, if `$11`, stores concert `$7`'s turn statistics `$8`–`$10`. Returns the payment,
  /// the balance after and the seats sold; no row when the balance was short.
  package static let payWrite = """
    WITH a AS (
      UPDATE account SET balance = balance - $3 WHERE user_id = $2 AND balance >= $3
      RETURNING balance),
    p AS (
      INSERT INTO payment (hold_id, user_id, amount, paid_at, balance_after)
      SELECT $1::bigint, $2::text, $3::bigint, $4::bigint, balance FROM a
      RETURNING id, balance_after),
    sold AS (
      UPDATE seat_state SET sale = 'online', sold_to = $2, payment_id = p.id, held_until = NULL
      FROM p WHERE hold_id = $1 AND sale IS NULL AND held_until > $4
      RETURNING seat_id),
    tickets AS (
      INSERT INTO ticket (payment_id, user_id, date_id, seat_id, price)
      SELECT p.id, $2::text, $5::bigint, hs.seat_id, hs.price
      FROM p, hold_seat hs JOIN sold ON sold.seat_id = hs.seat_id
      WHERE hs.hold_id = $1),
    entry AS (
      INSERT INTO ledger (user_id, kind, delta, balance_after, payment_id, at)
      SELECT $2::text, $6::text, -$3::bigint, p.balance_after, p.id, $4::bigint FROM p),
    turns AS (
      UPDATE queue_line SET turn_mean_ms = $8, lapse_share = $9, claim_flow = $10
      WHERE concert_id = $7 AND $11::boolean)
    SELECT p.id AS payment_id, p.balance_after, (SELECT COUNT(*) FROM sold) AS sold FROM p
    """
}
