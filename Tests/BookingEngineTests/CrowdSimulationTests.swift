import BookingEngine
import Foundation
import Testing

/// The crowd simulator in simulated time: a ManualClock moved from event to event.
@Suite struct CrowdSimulationTests {
  @Test func aCrowdBuysWithoutDoubleSalesOrLostPointsAndTheEstimateHolds() async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 20
    policy.admissionsPerMinute = 120
    policy.activeIdleTimeout = 30
    policy.waitingGracePeriod = 20
    let bed = try await TestBed(policy: policy)
    var configuration = CrowdSimulation.Configuration(concert: "garden", users: 150)
    configuration.arrivalsPerSecond = 10
    configuration.seed = 7
    let clock = bed.clock
    let simulation = CrowdSimulation(engine: bed.engine, configuration: configuration) { date in
      if date > clock.now() { clock.set(date) }
    }
    let reports = Reports()
    let summary = try await simulation.run { reports.append($0) }

    #expect(summary.arrived == 150)
    #expect(summary.admitted + summary.abandoned == 150)
    #expect(summary.lostPlaces == 0, "checks far enough apart to lose a place or a turn")
    #expect(summary.admitted > 100)
    #expect(summary.seatsSold > 0)
    #expect(summary.audit.ticketsSold == summary.seatsSold)
    #expect(summary.audit.isClean)
    let median = try #require(summary.etaErrorMedian)
    #expect(median < 0.25, "median ETA error \(median) over \(summary.etaSamples) admissions")
    #expect(reports.count > 10, "a progress report about every second")
  }
}

/// Collects progress reports from the simulation's callback.
final class Reports: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [CrowdSimulation.Progress] = []

  func append(_ progress: CrowdSimulation.Progress) { lock.withLock { items.append(progress) } }
  var count: Int { lock.withLock { items.count } }
}
