import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// App-wide keys, resizing and the run loop.
@MainActor
@Suite struct AppBehaviourTests {
  @Test func shrinkingBelow80x24ShowsTheTooSmallScreenAndGrowingBringsTheScreenBack() async throws {
    let app = try await TestApp()
    await app.resize(to: Size(70, 20))
    #expect(app.screen.contains("Terminal too small: 70x20."))
    await app.press(.enter)  // ignored while too small
    await app.resize(to: Size(100, 30))
    #expect(app.screen.contains("Concerts on sale"))
    #expect(!app.screen.contains("You are in line"))
  }

  @Test func qAndCtrlCQuit() async throws {
    let first = try await TestApp()
    await first.press(.character("q"))
    #expect(first.app.isFinished)
    let second = try await TestApp()
    await second.press(.enter, .ctrl("c"))
    #expect(second.app.isFinished)
  }

  @Test func helpOpensWithQuestionMarkAndAnyKeyClosesIt() async throws {
    let app = try await TestApp()
    await app.press(.character("?"))
    #expect(app.screen.contains("Press any key to close"))
    await app.press(.character("q"))
    #expect(!app.screen.contains("Press any key to close"))
    #expect(!app.app.isFinished)
  }

  @Test func escapeGoesBack() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    #expect(app.screen.contains("STAGE"))
    await app.press(.escape)
    #expect(app.screen.contains("· Dates"))
    await app.press(.backspace)
    #expect(app.screen.contains("Concerts on sale"))
  }

  @Test func ticketsAreReachableFromTheConcertList() async throws {
    let app = try await TestApp()
    await app.press(.character("t"))
    #expect(app.screen.contains("No tickets yet"))
  }

  @Test func pointsFieldTakesDigitsOnlyAndTheEngineSaysWhatIsWrong() async throws {
    let app = try await TestApp()
    await app.press(.character("p"))
    await app.type("1x2")
    #expect(app.screen.contains("12█"))
    await app.press(.backspace, .backspace, .enter)
    #expect(app.screen.contains("The amount must be a whole number of won above zero"))
    #expect(try await app.engine.balance(user: "alice").balance == 0)
  }

  @Test func theRunLoopDrawsAndQuits() async throws {
    let clock = ManualClock(TestApp.start)
    let engine = try BookingEngine.inMemory(clock: clock)
    try await engine.seedDemoCatalogIfEmpty()
    let app = EncoreApp(engine: engine, user: "alice", timeZone: TimeZone(identifier: "UTC")!)
    let terminal = VirtualTerminal(size: Size(80, 24))
    terminal.send(.character("q"))
    await app.run(on: terminal)
    #expect(app.isFinished)
    #expect(terminal.framesDrawn >= 1)
  }
}
