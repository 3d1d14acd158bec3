import BookingEngine
import Foundation
import Testing

/// The wait estimate is one function of what a store records (admissions, claims, lapses,
/// sweeps, when the front joined): the same line played on any store tells the same waits.
@Suite struct EstimateAcrossStoresTests {
  /// Thirty people join a line with three slots; every fifth stops polling (the sweep takes
  /// them, or they are let in and never claim), the others claim and book a while. Returns
  /// what the last in line is told after each two seconds, and the lapses and sweeps seen.
  private static func play(_ store: Store) async throws -> (
    told: [QueueStatus.WaitEstimate], lost: Int, swept: Int
  ) {
    let bed = try await TestBed(store)
    let engine = bed.engine
    var rules = try await engine.queuePolicy(concert: "aurora")
    rules.activeCapacity = 3
    rules.admissionsPerMinute = nil
    rules.claimWindow = 6
    rules.activeIdleTimeout = 8
    rules.waitingGracePeriod = 10
    try await engine.setQueuePolicy(rules, concert: "aurora")
    var callers: [Caller] = []
    for number in 0..<30 {
      let user = UserID("fan\(number)")
      let token = try await engine.issueToken(user: user, concert: "aurora")
      callers.append(Caller(user: user, token: token.value))
      bed.clock.advance(by: 0.5)
    }
    var told: [QueueStatus.WaitEstimate] = []
    for _ in 0..<60 {
      bed.clock.advance(by: 2)
      for (index, caller) in callers.enumerated().dropLast() where index % 5 != 3 {
        let status = try await engine.queueStatus(caller)
        if status.isActive { _ = try await engine.claimTurn(caller) }
      }
      told.append(try await engine.queueStatus(callers.last!).wait)
    }
    let office = try await engine.boxOffice(concert: "aurora", viewer: "olga")
    return (told, office.line.claimWindowLosses, office.line.leftOrSwept)
  }

  @Test(arguments: Store.all) func theSameLineToldTheSameWaitsOnEveryStore(_ store: Store)
    async throws
  {
    let here = try await Self.play(store)
    let sqlite = try await Self.play(.sqlite)
    // The walk-aways were both let in and lost, and swept: the estimate saw both kinds.
    #expect(here.lost > 0 && here.swept > 0)
    #expect(here.told.contains { if case .about = $0 { true } else { false } })
    #expect(here.lost == sqlite.lost && here.swept == sqlite.swept)
    #expect(here.told == sqlite.told)
  }
}
