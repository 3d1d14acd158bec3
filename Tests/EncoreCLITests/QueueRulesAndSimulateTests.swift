import BookingEngine
import Foundation
import Testing

@Suite("encore queue rules / leave, encore simulate")
struct QueueRulesAndSimulateTests {
  @Test func rulesAreStoredForEveryProcessAndPauseHoldsTheLine() async throws {
    let sandbox = try Sandbox()
    let set = try await sandbox.encore(
      "queue", "rules", "garden", "--capacity", "1", "--rate", "none", "--json")
    #expect(set.status == 0)
    #expect(try set.json()["active_capacity"] as? Int == 1)
    #expect(try set.json()["admissions_per_minute"] is NSNull)

    try await sandbox.join()  // takes the only place
    #expect(
      try await sandbox.as("bob").encore("queue", "join", "garden", "--json").json()["position"]
        as? Int == 1)

    let paused = try await sandbox.encore("queue", "rules", "garden", "--capacity", "5", "--pause")
    #expect(paused.stdout.contains("Admission     paused"))
    let held = try await sandbox.as("bob").encore("queue", "status", "garden", "--json").json()
    #expect(held["state"] as? String == "waiting")
    #expect(held["wait"] as? String == "paused")
    #expect(held["paused"] as? Bool == true)
    #expect(held["place_kept_seconds"] as? Double == 300)
    let table = try await sandbox.as("bob").encore("queue", "status", "garden")
    #expect(table.stdout.contains("Wait      paused"))
    _ = try await sandbox.encore("queue", "rules", "garden", "--resume")
    #expect(
      try await sandbox.as("bob").encore("queue", "status", "garden", "--json").json()["state"]
        as? String == "active")
  }

  @Test func leavingFreesThePlaceForTheNextPerson() async throws {
    let sandbox = try Sandbox()
    _ = try await sandbox.encore("queue", "rules", "garden", "--capacity", "1")
    try await sandbox.join()
    _ = try await sandbox.as("bob").encore("queue", "join", "garden")
    let left = try await sandbox.encore("queue", "leave", "garden")
    #expect(left.status == 0)
    #expect(
      try await sandbox.as("bob").encore("queue", "status", "garden", "--json").json()["state"]
        as? String == "active")
    #expect(
      try await sandbox.encore("queue", "status", "garden", "--json").errorCode() == "not_in_queue")
  }

  @Test func badRulesAreArgumentErrors() async throws {
    let sandbox = try Sandbox()
    #expect(try await sandbox.encore("queue", "rules", "garden", "--capacity", "-3").status == 64)
    #expect(
      try await sandbox.encore("queue", "rules", "garden", "--pause", "--resume").status == 64)
    #expect(try await sandbox.encore("queue", "rules", "garden", "--grace", "0").status == 64)
    #expect(
      try await sandbox.encore("queue", "rules", "nope", "--json").errorCode() == "unknown_concert")
  }

  @Test func aFastSimulationSellsSeatsAndFindsNoDoubleSales() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore(
      "simulate", "garden", "--users", "40", "--arrival-rate", "10/s", "--abandon", "10%", "--buy",
      "60%",
      "--fast", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json()
    #expect(json["arrived"] as? Int == 40)
    #expect(json["double_sales"] as? Int == 0)
    #expect(json["audit_clean"] as? Bool == true)
    #expect((json["seats_sold"] as? Int ?? 0) > 0)
    #expect(result.stderr.contains("arrived"))
    #expect(try await sandbox.encore("simulate", "garden", "--users", "0").status == 64)
    #expect(
      try await sandbox.encore("simulate", "garden", "--users", "5", "--abandon", "120%").status
        == 64)
  }
}
