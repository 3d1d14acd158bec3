import Foundation
import Testing

@Suite("Many processes at once")
struct ConcurrentHoldTests {
  @Test func eightProcessesHoldingTheSameSeatExactlyOneWins() async throws {
    let sandbox = try Sandbox()
    let users = (1...8).map { "fan\($0)" }
    for user in users { try await sandbox.as(user).join(scratch: true) }

    let results = try await withThrowingTaskGroup(of: RunResult.self) { group in
      for user in users {
        group.addTask {
          try await sandbox.as(user).run(
            ["hold", "2", "14", "--json", "--database", sandbox.scratch], extra: [:])
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }

    let winners = results.filter { $0.status == 0 }
    #expect(winners.count == 1, "\(results.map { ($0.status, $0.stderr) })")
    for loser in results where loser.status != 0 {
      #expect(loser.status == 1)
      #expect(try loser.errorCode() == "seat_taken")
    }
    let slowest = results.map(\.seconds).max() ?? 0
    print("8 concurrent `encore hold` processes: slowest took \(String(format: "%.2f", slowest)) s")
  }
}
