import BookingEngine
import Foundation
import Testing

/// The estimate over the grid's 2,000-user crowds (with the 20,000-user ones it is
/// `encore-bench eta`): median error ≤ 15 %, p90 ≤ 35 %, and nobody who stayed loses
/// the place.
@Suite struct EtaGridTests {
  @Test(arguments: EtaGrid.cells(users: [2_000]))
  func theEstimateHoldsUp(cell: EtaGrid.Cell) async throws {
    let summary = try await EtaGrid.run(cell)
    #expect(summary.audit.isClean)
    #expect(summary.lostPlaces == 0)
    #expect(summary.etaSamples > cell.users / 2)
    let median = try #require(summary.etaErrorMedian)
    let p90 = try #require(summary.etaErrorP90)
    #expect(median <= 0.15, "median \(median)")
    #expect(p90 <= 0.35, "p90 \(p90)")
  }
}
