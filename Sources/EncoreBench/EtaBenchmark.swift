import BookingEngine
import Foundation

/// ETA error from the crowd simulator at steady flow, in simulated time.
struct EtaBenchmark {
  var users: Int

  func run() async throws -> CrowdSimulation.Summary {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.admissionsPerMinute = 300
    policy.waitingGracePeriod = 30
    let clock = ManualClock(Date(timeIntervalSince1970: 1_796_112_000))
    let engine = try BookingEngine.inMemory(policy: policy, clock: clock)
    try await engine.seedDemoCatalogIfEmpty()
    var configuration = CrowdSimulation.Configuration(concert: "aurora", users: users)
    configuration.arrivalsPerSecond = 20
    configuration.seed = 2026
    return try await CrowdSimulation(engine: engine, configuration: configuration) { date in
      if date > clock.now() { clock.set(date) }
    }.run()
  }
}
