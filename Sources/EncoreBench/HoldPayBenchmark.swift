import BookingEngine
import Foundation

/// Hold and pay transactions per second: the engine next to raw SQLite running the same
/// statements (``BookingSQL``, the engine's own strings) with foreign keys on, on the
/// same schema, in one run. Engine and raw take turns in blocks of 50, so that a change
/// in the machine's load falls on both.
struct HoldPayBenchmark {
  var count: Int
  var durable: Bool
  /// The folder of the database files: on tmpfs (`/dev/shm`) the run is CPU-bound.
  var folder: String

  /// Transactions a second by the wall clock, and the process's CPU time per transaction
  /// (what other processes on the machine do not change).
  struct Cost {
    var wall = Duration.zero
    var cpu = Duration.zero

    func perSecond(_ count: Int) -> Double { Double(count) / (wall.microseconds / 1e6) }
    func cpuMicros(_ count: Int) -> Double { cpu.microseconds / Double(count) }

    /// Adds the wall and CPU time of `body`.
    mutating func add(_ body: () async throws -> Void) async throws {
      let cpuStart = processCPUTime()
      wall += try await time(body)
      cpu += processCPUTime() - cpuStart
    }
  }

  struct Result {
    var engineHold = Cost()
    var rawHold = Cost()
    var enginePay = Cost()
    var rawPay = Cost()
  }

  private static let block = 50

  func run() async throws -> Result {
    let engine = try await prepare(prefix: "engine")
    let rawSetUp = try await prepare(prefix: "raw")
    let raw = RawSQLite(path: rawSetUp.engine.path, synchronousFull: durable)
    var engineHolds: [HoldID] = []
    var rawHolds: [Int64] = []
    var result = Result()
    for start in stride(from: 0, to: count, by: Self.block) {
      let range = start..<min(count, start + Self.block)
      try await result.engineHold.add {
        for index in range {
          engineHolds.append(
            try await engine.engine.hold(
              seats: [engine.seats[index]], on: engine.date, engine.callers[index]
            ).id)
        }
      }
      try await result.rawHold.add {
        for index in range {
          rawHolds.append(
            rawHold(
              raw, seat: rawSetUp.seats[index].rawValue, date: rawSetUp.date.rawValue,
              caller: rawSetUp.callers[index]))
        }
      }
    }
    for start in stride(from: 0, to: count, by: Self.block) {
      let range = start..<min(count, start + Self.block)
      try await result.enginePay.add {
        for index in range {
          _ = try await engine.engine.pay(hold: engineHolds[index], engine.callers[index])
        }
      }
      try await result.rawPay.add {
        for index in range { rawPay(raw, hold: rawHolds[index], caller: rawSetUp.callers[index]) }
      }
    }
    for setUp in [engine, rawSetUp] {
      let audit = try await setUp.engine.audit()
      precondition(audit.isClean && audit.ticketsSold == count, "every seat sold once")
      for file in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: setUp.engine.path + file)
      }
    }
    return result
  }

  /// A fresh database with `count` admitted users, each with points, and free seats.
  private func prepare(prefix: String) async throws -> BenchBuyers {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    let path = URL(fileURLWithPath: folder)
      .appendingPathComponent("encore-bench-\(prefix)-\(UUID().uuidString).sqlite").path
    let engine = try BookingEngine.open(path: path, policy: policy, durable: durable)
    var buyers = try await BenchBuyers.prepare(on: engine, count: count, prefix: prefix)
    precondition(buyers.seats.count >= count, "not enough free seats")
    buyers.seats = Array(buyers.seats.prefix(count))
    return buyers
  }

  private func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

  /// What the engine does to hold one seat, statement for statement.
  private func rawHold(_ db: RawSQLite, seat: Int64, date: Int64, caller: Caller) -> Int64 {
    let now = now()
    let digest = caller.token.digest
    let user = caller.user.rawValue
    db.run("BEGIN IMMEDIATE", [])
    let (concert, startsAt) = db.query(BookingSQL.schedule, [.int(date)]) {
      ($0.text(0), $0.int(1))
    }!
    let token = db.query(
      BookingSQL.claimPass,
      [.text(digest), .text(user), .int(now), .text(concert), .int(0)]
    ) { $0.text(0) }
    precondition(token == digest && startsAt > now)
    let mine = db.run(BookingSQL.seatsAlreadyYours, [.int(date), .text(user), .int(now)])!
    precondition(mine < 4)
    let (label, tier, price) = db.query(BookingSQL.seat, [.int(seat), .text(concert)]) {
      ($0.text(0), $0.text(1), $0.int(2))
    }!
    precondition(!label.isEmpty && !tier.isEmpty && price > 0)
    let expiresAt = now + 300_000
    db.run(
      BookingSQL.insertHold,
      [.text(user), .int(date), .text(digest), .int(now), .int(expiresAt), .int(price)])
    let hold = db.lastInsertedRowID
    db.run(
      BookingSQL.takeSeat,
      [.int(hold), .text(user), .int(expiresAt), .int(date), .int(seat), .int(now)])
    precondition(db.changes == 1)
    db.run(BookingSQL.insertHoldSeat, [.int(hold), .int(seat), .int(price)])
    db.run("COMMIT", [])
    return hold
  }

  /// What the engine does to pay for a hold, statement for statement.
  private func rawPay(_ db: RawSQLite, hold: Int64, caller: Caller) {
    let now = now()
    let digest = caller.token.digest
    let user = caller.user.rawValue
    db.run("BEGIN IMMEDIATE", [])
    let row = db.query(BookingSQL.hold, [.int(hold)]) { columns in
      (
        user: columns.text(0), date: columns.int(1), expiresAt: columns.int(3),
        released: !columns.isNull(4), amount: columns.int(5), concert: columns.text(6),
        startsAt: columns.int(7), paid: !columns.isNull(8)
      )
    }!
    precondition(row.user == user && !row.paid)
    var seats: [(id: Int64, label: String, tier: String, price: Int64)] = []
    db.each(BookingSQL.holdSeats, [.int(hold)]) { columns in
      seats.append((columns.int(0), columns.text(1), columns.text(2), columns.int(3)))
    }
    let token = db.query(
      BookingSQL.claimPass,
      [.text(digest), .text(user), .int(now), .text(row.concert), .int(1)]
    ) { ($0.text(0), $0.int(1)) }
    precondition(token?.0 == digest && row.startsAt > now && !row.released && row.expiresAt > now)
    // The line's record of turn lengths, as the engine keeps it for its estimate.
    db.run(BookingSQL.recordTurnLength, [.text(row.concert), .int(token!.1)])
    let balance = db.run(BookingSQL.deduct, [.int(row.amount), .text(user)])!
    db.run(
      BookingSQL.insertPayment,
      [.int(hold), .text(user), .int(row.amount), .int(now), .int(balance)])
    let payment = db.lastInsertedRowID
    db.run(BookingSQL.sellSeats, [.text(user), .int(payment), .int(hold), .int(now)])
    precondition(db.changes == seats.count)
    db.run(BookingSQL.insertTickets, [.int(payment), .text(user), .int(row.date), .int(hold)])
    db.run(
      BookingSQL.insertLedgerEntry,
      [.text(user), .text("payment"), .int(-row.amount), .int(balance), .int(payment), .int(now)])
    db.run("COMMIT", [])
  }
}

/// CPU time used by this process so far, all threads.
func processCPUTime() -> Duration {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
}
