import BookingEngine
import Testing

@testable import BookingTUI

/// One place in line per user and concert, whichever of the app and the command line joined:
/// the token keeper (the command line's jar in the real program) is the shared memory.
@MainActor
@Suite struct SharedPlaceInLineTests {
  @Test func joiningInTheAppKeepsTheTokenForTheCommandLine() async throws {
    let app = try await TestApp(policy: GoldenScreensTests.smallCapacity) { engine in
      try await GoldenScreensTests.fillLine(engine)
    }
    #expect(app.keeper.token(for: "aurora") == nil)
    await app.press(.down, .enter)
    #expect(app.screen.contains("# 4"))
    // What `encore queue status aurora` does: read the jar, ask the engine.
    let kept = try #require(app.keeper.token(for: "aurora"))
    let status = try await app.engine.queueStatus(Caller(user: "alice", token: kept))
    #expect(status.state == .waiting(position: 4, ahead: 3))
  }

  @Test func aPlaceTakenOnTheCommandLineIsTheOneTheAppShows() async throws {
    let keeper = MemoryTokenKeeper()
    let app = try await TestApp(policy: GoldenScreensTests.smallCapacity, keeper: keeper) {
      engine in
      try await GoldenScreensTests.fillLine(engine)
      _ = try await keeper.join("aurora", user: "alice", engine: engine)  // `encore queue join`
      _ = try await engine.issueToken(user: "late", concert: "aurora")
    }
    let kept = keeper.token(for: "aurora")
    await app.advance(by: 1)
    #expect(app.screen.contains("in line #4"))
    await app.press(.down)
    #expect(app.screen.contains("Enter your place"))
    await app.press(.enter)
    #expect(app.screen.contains("# 4"))
    #expect(keeper.token(for: "aurora") == kept)
  }

  @Test func aKeptTokenTheEngineDoesNotKnowIsReplacedByAFreshPlace() async throws {
    let keeper = MemoryTokenKeeper()
    try keeper.store(TokenValue("from-a-reset-database"), for: "garden")
    let app = try await TestApp(keeper: keeper)
    await app.press(.enter)
    #expect(app.screen.contains("Quiet Garden Unplugged · Dates"))
    let kept = try #require(keeper.token(for: "garden"))
    #expect(kept != TokenValue("from-a-reset-database"))
    #expect(try await app.engine.queueStatus(Caller(user: "alice", token: kept)).isActive)
  }

  @Test func aTokenReplacedByAnotherProcessIsPickedUpAtTheNextCall() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    #expect(app.screen.contains("STAGE"))
    // Another process forgets and re-joins (as after `demo --reset`, or with hashed tokens).
    app.keeper.remove(for: "garden")
    let status = try await app.keeper.join("garden", user: "alice", engine: app.engine)
    await app.press(.character(" "), .enter)
    #expect(app.screen.contains("Encore · Payment"))
    #expect(try await app.engine.holds(user: "alice").first?.hold.seats.count == 1)
    #expect(app.keeper.token(for: "garden") == status.token.value)
  }
}
