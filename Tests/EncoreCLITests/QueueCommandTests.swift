import BookingEngine
import Foundation
import Testing

@Suite("encore queue join / status")
struct QueueCommandTests {
  @Test func joiningLetsYouInAndSavesTheTokenForLaterCommands() async throws {
    let sandbox = try Sandbox()
    let joined = try await sandbox.encore("queue", "join", "garden", "--json")
    #expect(joined.status == 0)
    let json = try joined.json()
    #expect(json["state"] as? String == "active")
    #expect(json["concert"] as? String == "garden")
    #expect((json["token"] as? String)?.count == 32)
    #expect(json["position"] is NSNull)
    #expect(json["active_until"] is String)
    #expect(json["admitted_at"] as? String == json["issued_at"] as? String, "let in on joining")

    let status = try await sandbox.encore("queue", "status", "garden", "--json")
    #expect(status.status == 0)
    #expect(try status.json()["token"] as? String == json["token"] as? String)
  }

  @Test func joiningTwiceKeepsThePlaceAndTheTokenTheJarKeeps() async throws {
    let sandbox = try Sandbox()
    let first = try await sandbox.encore("queue", "join", "garden", "--json").json()
    let second = try await sandbox.encore("queue", "join", "garden", "--json").json()
    #expect(first["token"] as? String == second["token"] as? String)
    #expect(first["state"] as? String == second["state"] as? String)
  }

  @Test func joiningWithoutTheJarKeepsThePlaceUnderANewTokenAndRetiresTheOld() async throws {
    let sandbox = try Sandbox()
    let first = try await sandbox.encore("queue", "join", "garden", "--json").json()
    let tokens = sandbox.stateHome.appendingPathComponent("encore/tokens")
    try FileManager.default.removeItem(at: tokens)
    let second = try await sandbox.encore("queue", "join", "garden", "--json").json()
    #expect(first["token"] as? String != second["token"] as? String)
    #expect(first["state"] as? String == second["state"] as? String)
    let status = try await sandbox.encore("queue", "status", "garden", "--json").json()
    #expect(status["token"] as? String == second["token"] as? String)
    #expect(status["state"] as? String == "active")
    let old = try #require(first["token"] as? String)
    let engine = try BookingEngine.open(path: sandbox.defaultDatabase.path)
    await #expect(throws: BookingError.self) {
      _ = try await engine.queueStatus(Caller(user: "alice", token: TokenValue(old)))
    }
  }

  @Test func tablesSayWhetherYouAreIn() async throws {
    let sandbox = try Sandbox()
    let joined = try await sandbox.encore("queue", "join", "garden")
    #expect(joined.status == 0)
    #expect(joined.stdout.contains("State     admitted"))
    let status = try await sandbox.encore("queue", "status", "garden")
    #expect(status.stdout.contains("Concert   garden"))
  }

  @Test func tokensAreKeptPerUserAndPerDatabase() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let bob = try await sandbox.as("bob").encore("queue", "status", "garden")
    #expect(bob.status == 1)
    let scratch = try await sandbox.scratchEncore("queue", "status", "garden")
    #expect(scratch.status == 1)
    #expect(scratch.stderr.contains("Join the queue first: encore queue join garden"))
  }

  @Test func statusWithoutJoiningAsksYouToJoin() async throws {
    let result = try await Sandbox().encore("queue", "status", "garden", "--json")
    #expect(result.status == 1)
    #expect(result.stderr.contains("Join the queue first: encore queue join garden"))
    #expect(try result.errorCode() == "not_in_queue")
  }

  @Test func anUnknownConcertIsRefused() async throws {
    let result = try await Sandbox().encore("queue", "join", "nope", "--json")
    #expect(result.status == 1)
    #expect(try result.errorCode() == "unknown_concert")
    #expect(result.stderr.contains("There is no concert called “nope”."))
    let error = try #require(try result.json()["error"] as? [String: Any])
    #expect(error["message"] as? String == "There is no concert called “nope”.")
  }

  @Test func aFullSaleKeepsYouWaitingAndBookingIsRefusedUntilYouAreIn() async throws {
    let sandbox = try Sandbox()
    let engine = try await fillTheSale(sandbox.scratch)

    let joined = try await sandbox.scratchEncore("queue", "join", "garden", "--json")
    #expect(joined.status == 0)
    let json = try joined.json()
    #expect(json["state"] as? String == "waiting")
    #expect(json["position"] as? Int == 1)
    #expect(json["waiting_count"] as? Int == 1)

    let dates = try await sandbox.scratchEncore("dates", "garden", "--json")
    #expect(dates.status == 1)
    #expect(try dates.errorCode() == "still_waiting")
    #expect(dates.stderr.contains("You are still in line (#1)"))

    let table = try await sandbox.scratchEncore("queue", "status", "garden")
    #expect(table.stdout.contains("Position  #1 of 1"))
    _ = engine
  }

  @Test func waitReportsProgressOnStderrAndReturnsOnceLetIn() async throws {
    let sandbox = try Sandbox()
    let engine = try await fillTheSale(sandbox.scratch)
    async let waited = sandbox.scratchEncore("queue", "join", "garden", "--wait", "--json")
    // One of the people inside buys a seat, which frees a place in the sale.
    try await Task.sleep(for: .milliseconds(1500))
    let token = try await engine.issueToken(user: "filler0", concert: "garden")
    let caller = Caller(user: "filler0", token: token.value)
    let seats = try await engine.seats(on: 2, caller)
    let seat = try #require(seats.seats.first { $0.isAvailable })
    let hold = try await engine.hold(seats: [seat.id], on: 2, caller)
    try await engine.charge(user: "filler0", amount: 1_000_000)
    _ = try await engine.pay(hold: hold.id, caller)

    let result = try await waited
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.json()["state"] as? String == "active")
    #expect(result.stderr.contains("In line for garden: #1 of 1"))
  }

  /// Seeds `path` and lets 100 other people into the garden sale, its default capacity.
  private func fillTheSale(_ path: String) async throws -> BookingEngine {
    let engine = try BookingEngine.open(path: path, durable: false)
    try await engine.seedDemoCatalogIfEmpty()
    for index in 0..<(BookingPolicy().activeCapacity ?? 0) {
      _ = try await engine.issueToken(user: UserID("filler\(index)"), concert: "garden")
    }
    return engine
  }
}
