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
    // Known: a capacity-bound line whose waiters give up. Early waiters are told a wait
    // before anyone who gave up reaches the front, where each holds a slot for the claim
    // window; the estimate cannot see them coming (polls are not written down).
    let hard = cell.line == .capacityBound && cell.abandonShare > 0
    withKnownIssue("\(cell.name): \(median) / \(p90)", isIntermittent: true) {
      #expect(median <= 0.15, "median \(median)")
      #expect(p90 <= 0.35, "p90 \(p90)")
    } when: {
      hard
    }
  }
}
