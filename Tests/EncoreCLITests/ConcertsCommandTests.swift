import Foundation
import Testing

@Suite("encore concerts")
struct ConcertsCommandTests {
  @Test func tableListsEveryConcertWithGroupedSeatCounts() async throws {
    let result = try await Sandbox().encore("concerts")
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("ID") == true)
    #expect(lines.contains { $0.hasPrefix("aurora") && $0.hasSuffix("2,000") })
    #expect(lines.count == 4)
  }

  @Test func jsonHasStableKeys() async throws {
    let result = try await Sandbox().encore("concerts", "--json")
    let concerts = try #require(try result.json()["concerts"] as? [[String: Any]])
    let garden = try #require(concerts.first)
    #expect(garden["title"] as? String == "Quiet Garden Unplugged")
    #expect(garden["seat_count"] as? Int == 50)
    #expect(garden["venue"] as? String == "Blue Note Stage")
  }
}
