import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// What the app says about the user's holds is what the engine holds: made in this run, in a
/// shell, or before a restart; one date never stands in for another.
@MainActor
@Suite struct HoldsFromTheEngineTests {
  @Test func aHoldMadeInAShellShowsWithItsCountdownAndCanBePaid() async throws {
    let app = try await TestApp { engine in
      try await engine.charge(user: "alice", amount: 500_000)
    }
    let hold = try await app.holdFromShell(["9", "10"])
    await app.advance(by: 2)  // the app's poll of the user's holds
    #expect(app.screen.contains("alice   hold 4:58"))
    #expect(app.screen.contains("holding 2 seats · 4:58"))
    #expect(app.screen.contains("Sun 6 Dec 20:00 · Quiet Garden Unplugged · seats 9 and 10"))

    await app.press(.enter)
    try await expectPaymentScreenNames(hold, in: app)
    await app.press(.enter)  // Pay
    #expect(app.screen.contains("Paid 300,000 won"))
    #expect(try await app.engine.tickets(user: "alice").map(\.seat.label) == ["9", "10"])
    #expect(try await app.engine.holds(user: "alice").isEmpty)
  }

  @Test func aHoldFromBeforeARestartShowsAndCanBeReleased() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "), .enter)
    #expect(app.screen.contains("Encore · Payment"))
    await app.restart()
    #expect(app.screen.contains("alice   hold 5:00"))
    #expect(app.screen.contains("holding 1 seat · 5:00"))
    await app.press(.enter)
    #expect(app.screen.contains("Seats          1 (VIP)"))
    await app.press(.down, .enter)  // Release the seats
    #expect(app.screen.contains("Hold released"))
    #expect(try await app.engine.holds(user: "alice").isEmpty)
    #expect(!app.screen.contains("hold 5:00"))
  }

  @Test func aHoldMadeInAShellOnTheDateShownIsPaidOrReleasedFromTheMap() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    let hold = try await app.holdFromShell(["9", "10"])
    await app.advance(by: 2)
    #expect(app.screen.contains("Held seats 9 and 10 · 300,000 won"))
    #expect(app.screen.contains("alice   hold 4:58"))
    await app.press(.enter)
    try await expectPaymentScreenNames(hold, in: app)
    await app.press(.escape, .character("x"))
    #expect(app.screen.contains("Hold released"))
    #expect(try await app.engine.holds(user: "alice").isEmpty)
  }

  @Test func holdingOnASecondDateOffersToPayOrReleaseTheFirstInstead() async throws {
    let app = try await TestApp()
    // Garden → first date → hold seat 1 → back to the dates → the second date → seat 2.
    await app.press(.enter, .enter, .character(" "), .enter)
    let first = try #require(try await app.engine.holds(user: "alice").first)
    await app.press(.escape, .escape, .down, .enter, .right, .character(" "))
    // The second date's map does not claim the first date's hold.
    #expect(!app.screen.contains("Held seat"))
    #expect(!app.screen.contains("[▓▓] ["))
    #expect(app.screen.contains("Picked seat 4"))
    await app.press(.enter)
    try await expectPaymentScreenNames(first.hold, in: app)
    #expect(app.screen.contains("You already hold seat 1 for Sun 6 Dec 20:00"))
    expectGolden(app, "payment-of-the-first-hold")
    #expect(try await app.engine.holds(user: "alice").count == 1)

    // Release it (third choice when short of points): back on the second date's map.
    await app.press(.down, .enter)
    #expect(try await app.engine.holds(user: "alice").isEmpty)
    await app.press(.right, .enter)
    let second = try #require(try await app.engine.holds(user: "alice").first)
    #expect(second.date.id != first.date.id)
    try await expectPaymentScreenNames(second.hold, in: app)
  }

  @Test func twoHoldsOnTwoDatesAreBothShownEachWithItsOwnDate() async throws {
    let app = try await TestApp()
    let early = try await app.holdFromShell(["1"], dateIndex: 0)
    app.clock.advance(by: 30)
    let late = try await app.holdFromShell(["20", "21"], dateIndex: 1)
    await app.advance(by: 2)
    expectGolden(app, "concert-list-two-holds")
    #expect(app.screen.contains("alice   2 holds · 4:28"))
    await app.press(.enter)
    try await expectPaymentScreenNames(early, in: app)
    // Released from the payment screen, the other hold is next.
    await app.press(.down, .enter)
    await app.press(.enter)
    try await expectPaymentScreenNames(late, in: app)
  }

  @Test func aHoldReleasedInAShellLeavesThePaymentScreen() async throws {
    let app = try await TestApp()
    let hold = try await app.holdFromShell(["9"])
    await app.advance(by: 2)
    await app.press(.enter)
    try await expectPaymentScreenNames(hold, in: app)
    try await app.engine.release(hold: hold.id, user: "alice")  // `encore release` in a shell
    await app.advance(by: 2)
    await app.advance(by: 0.2)
    #expect(app.screen.contains("Concerts on sale"))
    #expect(app.screen.contains("Your hold on seat 9 ended elsewhere"))
  }

  @Test func anExpiredHoldIsDroppedWithItsDateNamed() async throws {
    let app = try await TestApp()
    try await app.holdFromShell(["3"], dateIndex: 1)
    await app.advance(by: 2)
    #expect(app.screen.contains("holding 1 seat"))
    await app.advance(by: 300)
    #expect(app.screen.contains("Your hold on seat 3 (Sun 13 Dec 20:00) ran out"))
    #expect(!app.screen.contains("holding"))
  }

  /// The payment screen names the hold's own concert, date, seats and price, as the engine has
  /// them.
  private func expectPaymentScreenNames(_ hold: Hold, in app: TestApp) async throws {
    let live = try #require(
      try await app.engine.holds(user: app.user).first { $0.hold.id == hold.id })
    let when = DateText(timeZone: TimeZone(identifier: "UTC")!).dayAndTime(live.date.startsAt)
    let seats = live.hold.seats.map { "\($0.label) (\($0.tier))" }.joined(separator: ", ")
    #expect(app.screen.contains("Encore · Payment"))
    #expect(app.screen.contains(live.concert.title + " · " + when + " · " + live.concert.venue))
    #expect(app.screen.contains("Seats          " + seats + "\n"))
    #expect(app.screen.contains("Price" + String(repeating: " ", count: 10)))
    #expect(app.screen.contains(Format.won(live.hold.amount)))
  }
}
