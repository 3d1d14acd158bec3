import BookingEngine
import Foundation

/// What keeping the box office live costs on the demo's 2,000-seat concert (four dates)
/// after a crowd: the CPU of a full read of the view, of a refresh when nothing changed
/// (the change check alone), and of a refresh after one hold, in one run.
struct BoxOfficeBenchmark {
  var crowd: Int

  struct Result {
    var fullRead: Double
    var unchanged: Double
    var changed: Double
  }

  func run() async throws -> Result {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-box-office-bench-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let clock = ManualClock(Date())
    let engine = try BookingEngine.open(path: path, clock: clock, durable: false)
    try await engine.seedDemoCatalogIfEmpty()
    var rules = try await engine.queuePolicy(concert: "aurora")
    rules.activeCapacity = 50
    rules.admissionsPerMinute = 600
    try await engine.setQueuePolicy(rules, concert: "aurora")
    var settings = CrowdSimulation.Configuration(concert: "aurora", users: crowd)
    settings.arrivalsPerSecond = 50
    // Few enough buy that seats are left to hold at 20,000.
    settings.buyShare = 0.1
    _ = try await CrowdSimulation(engine: engine, configuration: settings) { date in
      if date > clock.now() { clock.set(date) }
    }.run()
    // One buyer let in to hold seats later, then 200 kept waiting behind a pause, so the
    // line's part of the view has work to do.
    rules.activeCapacity = nil
    rules.admissionsPerMinute = nil
    try await engine.setQueuePolicy(rules, concert: "aurora")
    let holder = try await engine.issueToken(user: "holder", concert: "aurora")
    let caller = Caller(user: "holder", token: holder.value)
    _ = try await engine.claimTurn(caller)
    try await engine.setAdmissionPaused(true, concert: "aurora")
    for number in 0..<200 {
      _ = try await engine.issueToken(user: UserID("late\(number)"), concert: "aurora")
    }
    let office = try await engine.boxOffice(concert: "aurora", viewer: "olga")
    let fullRead = try await cpuMicros(count: 200) {
      _ = try await engine.boxOffice(concert: "aurora", viewer: "olga")
    }
    let unchanged = try await cpuMicros(count: 5_000) { _ = try await engine.refresh(office) }
    let date = try await engine.dates(of: "aurora", caller).first { $0.availability == .onSale }!
    let free = try await engine.seats(on: date.id, caller).seats.filter(\.isAvailable).map(\.id)
    var changed = 0.0
    for index in 0..<50 {
      let before = try await engine.refresh(office)
      let hold = try await engine.hold(seats: [free[index]], on: date.id, caller)
      changed += try await cpuMicros(count: 1) { _ = try await engine.refresh(before) }
      try await engine.release(hold: hold.id, user: "holder")
    }
    return Result(
      fullRead: fullRead, unchanged: unchanged, changed: changed / 50)
  }

  private func cpuMicros(count: Int, _ body: () async throws -> Void) async throws -> Double {
    let before = cpuSeconds()
    for _ in 0..<count { try await body() }
    return (cpuSeconds() - before) / Double(count) * 1e6
  }
}
