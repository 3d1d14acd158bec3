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

  @Test func theAmountFieldOwnsPrintableKeysAndBackspaceOnEmptyStays() async throws {
    let app = try await TestApp()
    await app.press(.character("p"))
    await app.press(.backspace)
    #expect(app.screen.contains("Encore · Points"))
    await app.type("q?hjkl한")
    #expect(app.screen.contains("q?hjkl한█"))
    #expect(!app.app.isFinished)
    #expect(!app.screen.contains("Press any key to close"))
    await app.press(.escape)
    #expect(app.screen.contains("Concerts on sale"))
  }

  @Test(arguments: ["-5", "1e9", "99999999999999999999", "q1e9", "0", "12.5"])
  func refusedAmountsChargeNothingAndSayWhyAsTheCommandLineDoes(typed: String) async throws {
    let app = try await TestApp()
    await app.press(.character("p"))
    await app.type(typed)
    await app.press(.enter)
    let expected = try #require(throws: AmountError.self) { try Won.parse(typed) }
    let words = expected.description.split(separator: " ").prefix(6).joined(separator: " ")
    #expect(app.screen.contains(words))
    #expect(app.screen.contains("Nothing was charged."))
    #expect(try await app.engine.balance(user: "alice").balance == 0)
    #expect(try await app.engine.balance(user: "alice").ledger.isEmpty)
  }

  @Test func aPasteIsOneEventTypedIntoTheFieldAndIgnoredElsewhere() async throws {
    let app = try await TestApp()
    app.terminal.send(raw: "\u{1B}[200~q?\u{1B}[201~")
    await app.press()
    #expect(!app.app.isFinished)
    #expect(!app.screen.contains("Press any key to close"))
    await app.press(.character("p"))
    app.terminal.send(raw: "\u{1B}[200~30\u{7}0,0\r00\u{1B}[201~")
    await app.press(.enter)
    #expect(app.screen.contains("Charged 300,000 won"))
    #expect(try await app.engine.balance(user: "alice").balance == 300_000)
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

@Suite struct WaitingRoomWordingTests {
  @Test func aWaitCountsDownBetweenPollsAndRunsOutAsAnyMomentNow() {
    #expect(WaitingRoomView.wait(.about(80), elapsed: 0) == "1 min 20 s")
    #expect(WaitingRoomView.wait(.about(80), elapsed: 79.5) == "1 s")
    #expect(WaitingRoomView.wait(.about(0.4), elapsed: 0) == "1 s")
    #expect(WaitingRoomView.wait(.about(0), elapsed: 0) == "any moment now")
    #expect(WaitingRoomView.wait(.about(3), elapsed: 5) == "any moment now")
  }
}
