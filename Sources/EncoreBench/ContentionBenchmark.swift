import BookingEngine
import Foundation

/// P processes booking on one database file at once: each joins the line, holds a seat
/// and pays for it, again and again, for the same stretch of time. Reports each
/// process's bookings a second and checks that no seat was sold twice.
struct ContentionBenchmark {
  var processes: Int
  var seconds: Double

  struct Result {
    var perProcess: [Double]
    var aggregate: Double { perProcess.reduce(0, +) }
    var fairness: Double { (perProcess.min() ?? 0) / max(perProcess.max() ?? 1, 1e-9) }
    var ticketsSold: Int
    var seatsSoldTwice: Int
  }

  /// No cap on active turns, on seats per buyer or (nearly) on points.
  static var policy: BookingPolicy {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.maxSeatsPerUser = 10_000
    policy.maxCharge = 1_000_000_000_000
    policy.maxBalance = 1_000_000_000_000
    return policy
  }

  func run() async throws -> Result {
    let policy = Self.policy
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-contention-\(processes)-\(UUID().uuidString).sqlite").path
    let engine = try BookingEngine.open(path: path, policy: policy)
    try await engine.seedDemoCatalogIfEmpty()
    let observer = Caller(
      user: "observer",
      token: try await engine.issueToken(user: "observer", concert: "aurora").value)
    var seats: [(DateID, SeatID)] = []
    for date in try await engine.dates(of: "aurora", observer) where date.availability == .onSale {
      for seat in try await engine.seats(on: date.id, observer).seats where seat.isAvailable {
        seats.append((date.id, seat.id))
      }
    }
    // Every process starts at the same moment, once all have opened the file.
    let start = Date().timeIntervalSince1970 + 1.0
    let workers = try (0..<processes).map { index in
      let mine = stride(from: index, to: seats.count, by: processes).map { seats[$0] }
      let list = mine.map { "\($0.0.rawValue):\($0.1.rawValue)" }.joined(separator: ",")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
      process.arguments = ["contend-worker", path, "buyer\(index)", "\(start)", "\(seconds)", list]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      return (process, output)
    }
    var rates: [Double] = []
    for (process, output) in workers {
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      precondition(process.terminationStatus == 0, "a worker failed")
      let counts = text.split(separator: " ").compactMap {
        Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      rates.append(counts[0] / counts[1])
    }
    let audit = try await engine.audit()
    for file in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + file)
    }
    return Result(
      perProcess: rates, ticketsSold: audit.ticketsSold, seatsSoldTwice: audit.seatsSoldTwice)
  }

  /// One process's loop (`encore-bench contend-worker DB USER START SECONDS DATE:SEAT,...`):
  /// prints how many bookings it completed, and in how many seconds.
  static func worker(_ arguments: [String]) async throws {
    let path = arguments[0]
    let user = UserID(arguments[1])
    let start = Double(arguments[2])!
    let seconds = Double(arguments[3])!
    let seats = arguments[4].split(separator: ",").map { pair in
      let parts = pair.split(separator: ":").map { Int64($0)! }
      return (DateID(parts[0]), SeatID(parts[1]))
    }
    let policy = Self.policy
    let engine = try BookingEngine.open(path: path, policy: policy)
    try await engine.charge(user: user, amount: policy.maxCharge)
    let wait = start - Date().timeIntervalSince1970
    if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
    let started = ContinuousClock.now
    let deadline = started + .seconds(seconds)
    var booked = 0
    for (date, seat) in seats where ContinuousClock.now < deadline {
      let token = try await engine.issueToken(user: user, concert: "aurora")
      let caller = Caller(user: user, token: token.value)
      let hold = try await engine.hold(seats: [seat], on: date, caller)
      _ = try await engine.pay(hold: hold.id, caller)
      booked += 1
    }
    // A fast machine may sell its share of seats before the time is up.
    let elapsed = ContinuousClock.now - started
    print(
      booked, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
}
