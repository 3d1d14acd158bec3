import BookingEngine
import Testing

@testable import BookingTUI

/// A change the engine announces (PostgreSQL's LISTEN/NOTIFY) makes the view on it ask
/// again at once, not at its next poll; an announcement about something else reads nothing.
@MainActor @Suite struct AnnouncedChangesTests {
  @Test func anAnnouncedChangeRereadsTheSeatMapBeforeItsPollIsDue() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    try await GoldenScreensTests.holdForBob(app, seats: ["7"])
    let date = try await app.firstOnSaleDate("garden", as: try await app.caller("carol"))
    let free = "[██] [██] [  ] [  ] [  ]"
    let held = "[██] [██] [  ] [  ] [░░]"
    await app.advance(by: 0)
    #expect(try row(of: app).contains(free), "no poll is due yet")

    app.app.announced(.seats(DateID(date.id.rawValue + 1)))
    app.app.announced(.line("aurora"))
    await app.advance(by: 0)
    #expect(try row(of: app).contains(free), "another date's or concert's change reads nothing")

    app.app.announced(.seats(date.id))
    await app.advance(by: 0)
    #expect(try row(of: app).contains(held))
  }

  @Test func anAnnouncedMoveOfTheLineAsksForThePlaceAtOnce() async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    var early: QueueToken?
    let app = try await TestApp(policy: policy) { engine in
      early = try await engine.issueToken(user: "early", concert: "garden")
    }
    await app.press(.enter)
    #expect(app.screen.contains("You are in line"))
    let token = try #require(early)
    try await app.engine.leaveQueue(Caller(user: "early", token: token.value))
    await app.advance(by: 0)
    #expect(app.screen.contains("You are in line"), "no poll is due yet")

    app.app.announced(.line("aurora"))
    await app.advance(by: 0)
    #expect(app.screen.contains("You are in line"), "another line's move asks nothing")

    app.app.announced(.line("garden"))
    await app.advance(by: 0)
    #expect(app.screen.contains("Quiet Garden Unplugged · Dates"), "let in at once")
  }

  private func row(of app: TestApp) throws -> Substring {
    try #require(app.screen.split(separator: "\n").first { $0.contains("1 VIP") })
  }
}
