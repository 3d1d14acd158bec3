import BookingEngine
import Testing

@testable import BookingTUI

/// The whole booking, key by key, checked against the engine's state.
@MainActor
@Suite struct BookingFlowTests {
  @Test func queueThenDateSeatPaymentChargeAndTicket() async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    policy.activeIdleTimeout = 30
    let app = try await TestApp(policy: policy) { engine in
      _ = try await engine.issueToken(user: "early", concert: "garden")
    }

    // Given someone is booking ahead of alice, she waits in line.
    await app.press(.enter)
    #expect(app.screen.contains("You are in line"))
    #expect(app.screen.contains("# 1"))

    // When their turn times out, the waiting room moves on to the dates by itself.
    for _ in 0..<31 { await app.advance(by: 1) }
    #expect(app.screen.contains("Quiet Garden Unplugged · Dates"))

    // Date, two VIP seats, hold.
    await app.press(.enter, .character(" "), .right, .character(" "), .enter)
    #expect(app.screen.contains("Short by                       300,000 won"))
    // Joining again would give alice a new token and retire the app's: look without one.
    let date = try await app.engine.concertDate(2)
    #expect(date.seatsLeft == 43, "seats 1 and 2 held")

    // Too little balance: charge the shortfall, come back with the hold intact.
    await app.press(.enter)
    #expect(app.screen.contains("Encore · Points"))
    await app.press(.enter)
    #expect(try await app.engine.balance(user: "alice").balance == 300_000)
    #expect(app.screen.contains("Pay 300,000 won"))
    #expect(app.screen.contains("hold 5:00"))

    // Pay: the ticket is shown, the points are spent, the seats are sold to alice.
    await app.press(.enter)
    #expect(app.screen.contains("Encore · Tickets"))
    #expect(app.screen.contains("seat 1 VIP"))
    #expect(try await app.engine.balance(user: "alice").balance == 0)
    #expect(try await app.engine.tickets(user: "alice").map(\.seat.label).sorted() == ["1", "2"])
    let bob = try await app.caller("bob")
    let seen = try await app.engine.seats(on: date.id, bob).seats.filter {
      ["1", "2"].contains($0.label)
    }
    #expect(seen.allSatisfy { $0.state == .sold })
    #expect(!app.screen.contains("hold "))
  }

  @Test func payingWithTooLittleBalanceShowsTheEnginesRefusal() async throws {
    let app = try await TestApp { engine in try await engine.charge(user: "alice", amount: 200_000)
    }
    await app.press(.enter, .enter, .character(" "), .enter)
    #expect(app.screen.contains("Pay 150,000 won"))
    // Someone spends alice's points elsewhere before she confirms.
    let elsewhere = try await app.caller("alice", concert: "aurora")
    let date = try await app.firstOnSaleDate("aurora", as: elsewhere)
    let ids = try await app.seatIDs(["A2"], date: date.id, as: elsewhere)
    let hold = try await app.engine.hold(seats: ids, on: date.id, elsewhere)
    _ = try await app.engine.pay(hold: hold.id, elsewhere)
    await app.press(.enter)
    #expect(app.screen.contains("Insufficient balance"))
    #expect(app.screen.contains("Short by"))
    #expect(app.screen.contains("▸ Charge points and come back"))
  }

  @Test func anExpiredHoldOnThePaymentScreenGoesBackToTheSeatMap() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "), .enter)
    #expect(app.screen.contains("Encore · Payment"))
    await app.advance(by: 301)
    #expect(app.screen.contains("Quiet Garden Unplugged · Sun 6 Dec 20:00"))
    #expect(app.screen.contains("Your hold on seat 1 (Sun 6 Dec 20:00) ran out"))
    let alice = try await app.caller("alice")
    let date = try await app.firstOnSaleDate("garden", as: alice)
    let seat = try await app.engine.seats(on: date.id, alice).seat(labelled: "1")
    #expect(seat?.state == .available)
  }

  @Test func anotherUsersHoldAppearsAfterAPoll() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    #expect(app.role(of: "[  ]", onRowContaining: "1 VIP") != .seatHeld)
    try await GoldenScreensTests.holdForBob(app, seats: ["7"])
    await app.advance(by: 1)
    let row = try #require(app.screen.split(separator: "\n").first { $0.contains("1 VIP") })
    #expect(row.contains("[██] [██] [  ] [  ] [░░]"))
    let x = try #require(app.frame.lines.firstIndex { $0.contains("1 VIP") })
    let column = try #require(row.range(of: "[░░]")).lowerBound
    #expect(
      app.frame.role(at: Point(row.distance(from: row.startIndex, to: column), x)) == .seatHeld)
  }

  @Test func aSeatTakenMeanwhileIsRefusedWithAToastAndTheMapRefreshes() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    for _ in 0..<6 { await app.press(.right) }
    await app.press(.character(" "))
    #expect(app.screen.contains("Picked seat 7"))
    try await GoldenScreensTests.holdForBob(app, seats: ["7"])
    await app.press(.enter)
    #expect(app.screen.contains("Someone else just took seat 7."))
    #expect(app.screen.contains("Seat 7 · VIP · 150,000 won · held by someone else"))
    #expect(!app.screen.contains("Encore · Payment"))
  }

  @Test func seatRolesShowStateAndCursor() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    let y = try #require(app.frame.lines.firstIndex { $0.contains("1 VIP") })
    let line = app.frame.lines[y]
    let sold = try #require(line.range(of: "[██]"))
    let cursor = try #require(line.range(of: "<  >"))
    #expect(
      app.frame.role(at: Point(line.distance(from: line.startIndex, to: sold.lowerBound), y))
        == .seatSold)
    #expect(
      app.frame.role(at: Point(line.distance(from: line.startIndex, to: cursor.lowerBound), y))
        == .seatCursor)
    let free = try #require(line.range(of: "[  ]"))
    #expect(
      app.frame.role(at: Point(line.distance(from: line.startIndex, to: free.lowerBound), y))
        == .tierPremium)
  }
}
