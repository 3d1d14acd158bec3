import BookingEngine
import Testing

@testable import BookingTUI

/// Every screen as text, compared with the goldens in `screens/`.
@MainActor
@Suite struct GoldenScreensTests {
  @Test func concertList() async throws {
    let app = try await TestApp()
    expectGolden(app, "concert-list")
  }

  @Test func helpOverlay() async throws {
    let app = try await TestApp()
    await app.press(.character("?"))
    expectGolden(app, "help")
  }

  @Test func tooSmall() async throws {
    let app = try await TestApp(size: Size(60, 18))
    expectGolden(app, "too-small")
  }

  @Test func waitingRoom() async throws {
    let app = try await TestApp(policy: Self.smallCapacity, prepare: Self.fillLine)
    await app.press(.down, .enter)
    expectGolden(app, "waiting-room")
  }

  @Test func waitingRoomAfterTheLineMoved() async throws {
    let app = try await TestApp(policy: Self.smallCapacity, prepare: Self.fillLine)
    await app.press(.down, .enter)
    await app.advance(by: 61)
    expectGolden(app, "waiting-room-moved")
  }

  @Test func waitingRoomAfterLeavingTheLine() async throws {
    var policy = Self.smallCapacity
    policy.waitingGracePeriod = 30
    let app = try await TestApp(policy: policy, prepare: Self.fillLine)
    await app.press(.down, .enter)
    // Away without polls (the app was closed): the place is given up (polls are written
    // down twice per grace period, so between one and one and a half grace periods).
    app.clock.advance(by: 46)
    await app.advance(by: 1)
    expectGolden(app, "waiting-room-left")
  }

  @Test func waitingRoomOfAPausedLine() async throws {
    let app = try await TestApp(policy: Self.smallCapacity) { engine in
      try await Self.fillLine(engine)
      try await engine.setAdmissionPaused(true, concert: "aurora")
    }
    await app.press(.down, .enter)
    expectGolden(app, "waiting-room-paused")
  }

  @Test func concertListShowsThePlaceInLine() async throws {
    let app = try await TestApp(policy: Self.smallCapacity) { engine in
      try await Self.fillLine(engine)
      try await engine.setAdmissionPaused(true, concert: "aurora")
    }
    await app.press(.down, .enter, .escape)
    expectGolden(app, "concert-list-in-line")
  }

  @Test func dates() async throws {
    let app = try await TestApp()
    await app.press(.enter)
    expectGolden(app, "dates")
  }

  @Test func seatMapOfTheSmallHall() async throws {
    let app = try await TestApp()
    try await Self.holdForBob(app, seats: ["7", "8"])
    await app.press(.enter, .enter, .down, .right, .character(" "), .right, .character(" "))
    expectGolden(app, "seat-map-garden")
  }

  @Test func seatMapOfTheBigHall() async throws {
    let app = try await TestApp()
    await app.press(.down, .enter, .enter)
    for _ in 0..<12 { await app.press(.down) }
    for _ in 0..<20 { await app.press(.right) }
    expectGolden(app, "seat-map-aurora")
  }

  @Test func seatMapOfTheBigHallOnABiggerTerminal() async throws {
    let app = try await TestApp(size: Size(120, 40))
    await app.press(.down, .enter, .enter)
    for _ in 0..<30 { await app.press(.down) }
    for _ in 0..<20 { await app.press(.right) }
    expectGolden(app, "seat-map-aurora")
  }

  @Test func seatMapWithAHangulTitle() async throws {
    let app = try await TestApp()
    await app.press(.down, .down, .enter, .enter)
    expectGolden(app, "seat-map-seoul-jazz")
  }

  @Test func paymentShortOfPoints() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "), .right, .character(" "), .enter)
    expectGolden(app, "payment-short")
  }

  @Test func pointsOfferedFromPayment() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "), .right, .character(" "), .enter, .enter)
    expectGolden(app, "points-from-payment")
  }

  @Test func paymentReady() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "), .right, .character(" "), .enter)
    await app.press(.enter, .enter)
    expectGolden(app, "payment-ready")
  }

  @Test func pointsWithALedger() async throws {
    let app = try await TestApp()
    await app.press(.character("p"))
    await app.type("50000")
    await app.press(.enter)
    await app.type("2000000")
    await app.press(.enter)
    expectGolden(app, "points")
  }

  @Test func pointsRefusingAnAmount() async throws {
    let app = try await TestApp()
    await app.press(.character("p"))
    await app.type("q1e9")
    await app.press(.enter)
    expectGolden(app, "points-refused")
  }

  @Test func ticketsAfterPaying() async throws {
    let app = try await TestApp { engine in
      try await engine.charge(user: "alice", amount: 500_000)
    }
    await app.press(.enter, .enter, .character(" "), .right, .character(" "), .enter, .enter)
    expectGolden(app, "tickets")
  }

  // MARK: - Fixtures

  /// Two people let in and three waiting, so a newcomer is fourth in line.
  static let smallCapacity: BookingPolicy = {
    var policy = BookingPolicy()
    policy.activeCapacity = 2
    policy.activeIdleTimeout = 60
    return policy
  }()

  static func fillLine(_ engine: BookingEngine) async throws {
    for user in ["ana", "ben", "cho", "dae", "eun"] {
      _ = try await engine.issueToken(user: UserID(user), concert: "aurora")
    }
  }

  /// Bob holds `seats` on the garden's first on-sale date.
  static func holdForBob(_ app: TestApp, seats: [String]) async throws {
    let bob = try await app.caller("bob")
    let date = try await app.firstOnSaleDate("garden", as: bob)
    let ids = try await app.seatIDs(seats, date: date.id, as: bob)
    _ = try await app.engine.hold(seats: ids, on: date.id, bob)
  }
}
