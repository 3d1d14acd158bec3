import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct KeyHintBarTests {
    let hints = [
      KeyHint("←↑↓→ hjkl", "move"), KeyHint("Space", "select"), KeyHint("Enter", "hold"),
      KeyHint("?", "help"), KeyHint("q", "quit"),
    ]

    @Test func showsRuleHintsAndStatus() {
      var canvas = Canvas(size: Size(80, 2))
      KeyHintBar(hints: hints, status: "hold 4:32").render(in: canvas.bounds, on: &canvas)
      #expect(
        canvas.lines == [
          String(repeating: "─", count: 80),
          " ←↑↓→ hjkl move   Space select   Enter hold   ? help   q quit         hold 4:32",
        ])
      #expect(canvas.role(at: Point(0, 0)) == .border)
      #expect(canvas.role(at: Point(1, 1)) == .keyHintKey)
      #expect(canvas.role(at: Point(11, 1)) == .keyHint)
      #expect(canvas.role(at: Point(78, 1)) == .dim)
    }

    @Test func longStatusLeavesRoomByDroppingHints() {
      var canvas = Canvas(size: Size(80, 2))
      KeyHintBar(hints: hints, status: "updated 0.4 s ago").render(in: canvas.bounds, on: &canvas)
      #expect(
        canvas.lines[1]
          == " ←↑↓→ hjkl move   Space select   Enter hold   ? help …        updated 0.4 s ago")
    }

    @Test func dropsWholeHintsWhenNarrow() {
      var canvas = Canvas(size: Size(40, 2))
      KeyHintBar(hints: hints, status: "4:32").render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines[1] == " ←↑↓→ hjkl move   Space select …   4:32")
    }

    @Test func veryNarrowStillFitsInside() {
      var canvas = Canvas(size: Size(8, 1))
      KeyHintBar(hints: hints, status: "updated 0.4 s ago").render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == [" updat…"])
    }
  }
}
