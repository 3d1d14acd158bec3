import Foundation
import Testing

@Suite("encore demo")
struct DemoCommandTests {
  @Test func demoSaysTheCatalogIsThere() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.scratchEncore("demo")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Ready: \(sandbox.scratch) has 3 concerts."))
  }

  @Test func resetWipesHoldsPaymentsPointsAndPlacesInLine() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    try await sandbox.charge(150_000)
    let reset = try await sandbox.encore("demo", "--reset")
    #expect(reset.status == 0)
    #expect(reset.stdout.hasPrefix("Reset:"))
    #expect(try await sandbox.encore("points", "--json").json()["balance"] as? Int == 0)
    let status = try await sandbox.encore("queue", "status", "garden", "--json")
    #expect(try status.errorCode() == "not_in_queue")
    try await sandbox.join()
    let seats = try await sandbox.encore("seats", "2", "--json").json()["seats"] as? [[String: Any]]
    #expect(seats?.first { $0["label"] as? String == "14" }?["state"] as? String == "available")
  }

  @Test func aTokenLostByAnotherUsersResetAsksToJoinAgain() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.as("bob").encore("demo", "--reset").status == 0)
    let dates = try await sandbox.encore("dates", "garden", "--json")
    #expect(dates.status == 1)
    #expect(try dates.errorCode() == "not_in_queue")
  }
}
