import BookingEngine
import Foundation

/// What keeping seat maps live costs: the CPU of one refresh of a 2,000-seat map
/// (unchanged, and after a change) next to a full read, and hold+pay throughput with
/// `viewers` open maps refreshing every 0.8 s on the same file next to none, in rounds
/// that alternate (the disk's pace drifts), in one run. The viewers run in a second process, as terminals
/// would: ``ViewerCrowd``. On a PostgreSQL `database` the same, on the server.
struct RefreshBenchmark {
  var viewers: Int
  /// A PostgreSQL URL (with its schema) to run on instead of a new file.
  var database: String? = nil
  /// Hold+pay pairs in each phase; rounds of a phase alone and a phase watched.
  var pairs: Int = 150
  var rounds: Int = 4

  struct Result {
    var fullRead: Double
    var unchanged: Double
    var changed: Double
    var alone: Double
    var watched: Double
    var refreshes: Int
    var stalenessP99: Double
    var stalenessMax: Double
    var viewerCPU: Double
  }

  func run() async throws -> Result {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    let path =
      database
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-refresh-bench-\(UUID().uuidString).sqlite").path
    defer { if database == nil { try? FileManager.default.removeItem(atPath: path) } }
    let engine = try await BookingEngine.open(database: path, policy: policy)
    try await engine.seedDemoCatalogIfEmpty()
    let buyers = try await ViewerCrowd.admit(
      engine, prefix: "buyer", count: 2 * rounds * pairs + 1, charge: true)
    let watcher = try await ViewerCrowd.admit(engine, prefix: "watcher", count: 1)[0]
    let date = try await ViewerCrowd.busiestDate(engine, buyers[0])
    let map = try await engine.seats(on: date.id, watcher)
    let free = map.seats.filter(\.isAvailable).map(\.id)
    precondition(free.count > 2 * rounds * pairs + 50, "not enough free seats")

    let fullRead = try await cpuMicros(count: 50) {
      _ = try await engine.seats(on: date.id, buyers[0])
    }
    let unchanged = try await cpuMicros(count: 2_000) { _ = try await engine.refresh(map, watcher) }
    var changedTotal = 0.0
    for index in 0..<50 {
      // A map of its own, as a viewer's is after its first refresh, handed over whole:
      // the refresh patches it in place.
      var stale: SeatMap? = try await engine.refresh(map, watcher)
      stale?.seats[0].state = map.seats[0].state
      let hold = try await engine.hold(
        seats: [free[free.count - 1 - index]], on: date.id, buyers[2 * rounds * pairs])
      changedTotal += try await cpuMicros(count: 1) {
        _ = try await engine.refresh(stale.take()!, watcher)
      }
      try await engine.release(hold: hold.id, user: buyers[2 * rounds * pairs].user)
    }

    func phase(_ number: Int) async throws -> Double {
      let range = (number * pairs)..<((number + 1) * pairs)
      return try await holdAndPay(engine, buyers: buyers[range], seats: free[range], date: date.id)
    }
    let crowd = try ViewerCrowd.launch(path: path, viewers: viewers)
    try crowd.ready()
    var alone = 0.0
    var watched = 0.0
    for round in 0..<rounds {
      try crowd.refreshing(false)
      alone += try await phase(2 * round)
      try crowd.refreshing(true)
      try await Task.sleep(for: .seconds(1))  // every map is refreshing again
      watched += try await phase(2 * round + 1)
    }
    let report = try crowd.finish()
    return Result(
      fullRead: fullRead, unchanged: unchanged, changed: changedTotal / 50,
      alone: alone / Double(rounds),
      watched: watched / Double(rounds), refreshes: report.refreshes, stalenessP99: report.p99,
      stalenessMax: report.max, viewerCPU: report.cpuPerRefresh * 1e6)
  }

  /// Hold+pay pairs a second.
  private func holdAndPay(
    _ engine: BookingEngine, buyers: ArraySlice<Caller>, seats: ArraySlice<SeatID>, date: DateID
  ) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for (buyer, seat) in zip(buyers, seats) {
      let hold = try await engine.hold(seats: [seat], on: date, buyer)
      _ = try await engine.pay(hold: hold.id, buyer)
    }
    return Double(buyers.count) / (clock.now - start).seconds
  }

  /// CPU microseconds per call of `body`.
  private func cpuMicros(count: Int, _ body: () async throws -> Void) async throws -> Double {
    let before = cpuSeconds()
    for _ in 0..<count { try await body() }
    return (cpuSeconds() - before) / Double(count) * 1e6
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
