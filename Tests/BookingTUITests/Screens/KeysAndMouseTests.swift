import BookingEngine
import Testing

@testable import BookingTUI

/// Jumps, raw sequences through the decoder, and clicks, as a person at a terminal uses them.
@MainActor
@Suite struct KeysAndMouseTests {
  @Test func homeEndAndVimJumpsMoveAlongTheRowAndBetweenRows() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    #expect(app.screen.contains("Seat 1 · VIP"))
    await app.press(.end)
    #expect(app.screen.contains("Seat 10 · VIP"))
    await app.press(.character("0"))
    #expect(app.screen.contains("Seat 1 · VIP"))
    await app.press(.character("$"), .character("G"))
    #expect(app.screen.contains("Seat 50 · S"))
    await app.press(.character("g"), .home)
    #expect(app.screen.contains("Seat 1 · VIP"))
  }

  @Test func homeAndEndSentAsXtermSequencesJumpInAList() async throws {
    let app = try await TestApp()
    app.terminal.send(raw: "\u{1B}[4~")
    await app.press()
    #expect(app.screen.contains("▸ 서울 재즈 나이트"))
    app.terminal.send(raw: "\u{1B}[99~\u{1B}OH")  // an unknown sequence, then Home
    await app.press()
    #expect(app.screen.contains("▸ Quiet Garden Unplugged"))
    await app.press(.character("G"), .character("g"))
    #expect(app.screen.contains("▸ Quiet Garden Unplugged"))
  }

  @Test func anUnknownSequenceOnTheSeatMapKeepsThePicks() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter, .character(" "))
    #expect(app.screen.contains("Picked seat 1"))
    app.terminal.send(raw: "\u{1B}[1;2P\u{1B}[200")
    await app.press()
    #expect(app.screen.contains("STAGE"))
    #expect(app.screen.contains("Picked seat 1"))
  }

  @Test func aClickOnASeatMovesTheCursorThereAndPicksIt() async throws {
    let app = try await TestApp()
    await app.press(.enter, .enter)
    let y = try #require(app.frame.lines.firstIndex { $0.contains("4 R ") })
    let row = app.frame.lines[y]
    let x = try #require(row.range(of: "[  ]")).lowerBound
    app.terminal.click(at: Point(row.distance(from: row.startIndex, to: x) + 1, y))
    await app.press()
    #expect(app.screen.contains("Seat 31 · R · 120,000 won"))
    #expect(app.screen.contains("Picked seat 31"))
    app.terminal.click(at: Point(0, 0))  // the title bar: nothing
    await app.press()
    #expect(app.screen.contains("Picked seat 31"))
  }
}
