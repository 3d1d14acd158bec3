import BookingEngine
import Foundation
import Testing

/// The estimate over the grid of crowds at a small size (the full grid, 2,000 and
/// 20,000 users, is `encore-bench eta`): median error ≤ 15 %, p90 ≤ 35 %.
@Suite struct EtaGridTests {
  @Test(arguments: EtaGrid.cells(users: [500]))
  func theEstimateHoldsUp(cell: EtaGrid.Cell) async throws {
    let summary = try await EtaGrid.run(cell)
    #expect(summary.audit.isClean)
    #expect(summary.etaSamples > cell.users / 2)
    let median = try #require(summary.etaErrorMedian)
    let p90 = try #require(summary.etaErrorP90)
    // Known at this size: a capacity-bound line whose waiters give up. All 500 join in
    // the first 25 s and are told a wait before the line has seen whether those let in
    // claim (a walk-away let in holds a slot for the claim window) or when the sweep
    // takes walk-aways out; at 2,000 and 20,000 (`encore-bench eta`) the estimate learns
    // it in time for most.
    let hard = cell.line == .capacityBound && cell.abandonShare > 0
    withKnownIssue("\(cell.name): \(median) / \(p90)", isIntermittent: true) {
      #expect(median <= 0.15, "median \(median)")
      #expect(p90 <= 0.35, "p90 \(p90)")
    } when: {
      hard
    }
  }
}
