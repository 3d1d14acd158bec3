import BookingEngine
import Foundation

/// Hold and pay transactions per second: the engine next to raw SQLite doing a
/// transaction of the same shape on the same schema, in one run.
struct HoldPayBenchmark {
  var count: Int
  var durable: Bool

  struct Result {
    var engineHolds: Double
    var enginePays: Double
    var rawHolds: Double
    var rawPays: Double
  }

  func run() async throws -> Result {
    let (engine, date, seats, callers) = try await prepare(prefix: "engine")
    let engineHolds = try await perSecond {
      var holds: [HoldID] = []
      for index in 0..<count {
        holds.append(try await engine.hold(seats: [seats[index]], on: date, callers[index]).id)
      }
      return holds
    }
    let enginePays = try await perSecond {
      for index in 0..<count {
        _ = try await engine.pay(hold: engineHolds.value[index], callers[index])
      }
    }

    let (rawEngine, rawDate, rawSeats, rawCallers) = try await prepare(prefix: "raw")
    let raw = RawSQLite(path: rawEngine.path, synchronousFull: durable)
    let rawHolds = try await perSecond {
      (0..<count).map { index in
        rawHold(
          raw, seat: rawSeats[index].rawValue, date: rawDate.rawValue, caller: rawCallers[index])
      }
    }
    let rawPays = try await perSecond {
      for index in 0..<count { rawPay(raw, hold: rawHolds.value[index], caller: rawCallers[index]) }
    }
    return Result(
      engineHolds: engineHolds.rate, enginePays: enginePays.rate, rawHolds: rawHolds.rate,
      rawPays: rawPays.rate)
  }

  /// A fresh database with `count` admitted users, each with points, and free seats.
  private func prepare(prefix: String) async throws -> (BookingEngine, DateID, [SeatID], [Caller]) {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-bench-\(prefix)-\(UUID().uuidString).sqlite").path
    let engine = try BookingEngine.open(path: path, policy: policy, durable: durable)
    try await engine.seedDemoCatalogIfEmpty()
    var callers: [Caller] = []
    for index in 0..<count {
      let user = UserID("\(prefix)\(index)")
      callers.append(
        Caller(user: user, token: try await engine.issueToken(user: user, concert: "aurora").value))
      try await engine.charge(user: user, amount: 1_000_000)
    }
    let dates = try await engine.dates(of: "aurora", callers[0])
    let date = dates.filter { $0.availability == .onSale }.max { $0.seatsLeft < $1.seatsLeft }!
    let seats = try await engine.seats(on: date.id, callers[0]).seats.filter(\.isAvailable).map(
      \.id)
    precondition(seats.count >= count, "not enough free seats")
    return (engine, date.id, Array(seats.prefix(count)), callers)
  }

  private func perSecond<T>(_ body: () async throws -> T) async throws -> (value: T, rate: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (value, Double(count) / seconds)
  }

  private func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

  private func rawHold(_ db: RawSQLite, seat: Int64, date: Int64, caller: Caller) -> Int64 {
    let now = now()
    let token = caller.token.digest
    let user = caller.user.rawValue
    db.execute("BEGIN IMMEDIATE")
    precondition((turnEnds(db, token: token, user: user) ?? 0) > now)
    db.run(
      "UPDATE queue_token SET last_seen_at = ?1, claimed_at = COALESCE(claimed_at, ?1) WHERE token = ?2",
      [.int(now), .text(token)])
    let mine = db.run(
      """
      SELECT (SELECT COUNT(*) FROM seat_state WHERE sold_to = ?2 AND date_id = ?1)
           + (SELECT COUNT(*) FROM seat_state WHERE holder = ?2 AND date_id = ?1 AND sale IS NULL AND held_until > ?3)
      """,
      [.int(date), .text(user), .int(now)])!
    precondition(mine < 4)
    let price = db.run(
      "SELECT t.price FROM seat s JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier WHERE s.id = ?",
      [.int(seat)])!
    db.run(
      "INSERT INTO hold (user_id, date_id, token, created_at, expires_at, amount) VALUES (?, ?, ?, ?, ?, ?)",
      [.text(user), .int(date), .text(token), .int(now), .int(now + 300_000), .int(price)])
    let hold = db.lastInsertedRowID
    db.run(
      """
      UPDATE seat_state SET hold_id = ?, holder = ?, held_until = ?
      WHERE date_id = ? AND seat_id = ? AND sale IS NULL AND (held_until IS NULL OR held_until <= ?)
      """,
      [.int(hold), .text(user), .int(now + 300_000), .int(date), .int(seat), .int(now)])
    precondition(db.changes == 1)
    db.run(
      "INSERT INTO hold_seat (hold_id, seat_id, price) VALUES (?, ?, ?)",
      [.int(hold), .int(seat), .int(price)])
    db.execute("COMMIT")
    return hold
  }

  private func rawPay(_ db: RawSQLite, hold: Int64, caller: Caller) {
    let now = now()
    let token = caller.token.digest
    let user = caller.user.rawValue
    db.execute("BEGIN IMMEDIATE")
    let amount = db.run(
      "SELECT amount FROM hold WHERE id = ? AND user_id = ? AND expires_at > ? AND released_at IS NULL",
      [.int(hold), .text(user), .int(now)])!
    precondition(
      db.run("SELECT EXISTS (SELECT 1 FROM payment WHERE hold_id = ?)", [.int(hold)]) == 0)
    precondition((turnEnds(db, token: token, user: user) ?? 0) > now)
    let balance = db.run("SELECT balance FROM account WHERE user_id = ?", [.text(user)])!
    precondition(balance >= amount)
    db.run(
      "INSERT INTO payment (hold_id, user_id, amount, paid_at, balance_after) VALUES (?, ?, ?, ?, ?)",
      [.int(hold), .text(user), .int(amount), .int(now), .int(balance - amount)])
    let payment = db.lastInsertedRowID
    db.run(
      "UPDATE seat_state SET sale = 'online', sold_to = ?, payment_id = ?, held_until = NULL WHERE hold_id = ? AND sale IS NULL AND held_until > ?",
      [.text(user), .int(payment), .int(hold), .int(now)])
    precondition(db.changes == 1)
    db.run(
      """
      INSERT INTO ticket (payment_id, user_id, date_id, seat_id, price)
      SELECT ?, ?, h.date_id, hs.seat_id, hs.price FROM hold_seat hs JOIN hold h ON h.id = hs.hold_id WHERE hs.hold_id = ?
      """,
      [.int(payment), .text(user), .int(hold)])
    db.run(
      "UPDATE account SET balance = balance - ? WHERE user_id = ?", [.int(amount), .text(user)])
    db.run(
      "INSERT INTO ledger (user_id, kind, delta, balance_after, payment_id, at) VALUES (?, 'payment', ?, ?, ?, ?)",
      [.text(user), .int(-amount), .int(balance - amount), .int(payment), .int(now)])
    db.run("UPDATE queue_token SET state = 'used' WHERE token = ?", [.text(token)])
    db.execute("COMMIT")
  }

  /// When the caller's turn ends under the default rules (the engine reads them from the line).
  private func turnEnds(_ db: RawSQLite, token: String, user: String) -> Int64? {
    db.run(
      """
      SELECT MIN(CASE WHEN claimed_at IS NULL THEN admitted_at + 60000 ELSE last_seen_at + 600000 END,
                 admitted_at + 1200000)
      FROM queue_token WHERE token = ? AND user_id = ? AND state = 'active'
      """,
      [.text(token), .text(user)])
  }
}
