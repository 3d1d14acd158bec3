import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndAppearOnceInLines() {
      var canvas = Canvas(size: Size(10, 1))
      let end = canvas.put("알리a", at: Point(1, 0), role: .accent)
      #expect(end == 6)
      #expect(canvas.lines == [" 알리a"])
      #expect(canvas.cell(at: Point(1, 0)) == Cell("알", role: .accent))
      #expect(canvas.cell(at: Point(2, 0))?.isContinuation == true)
      #expect(canvas.role(at: Point(5, 0)) == .accent)
      #expect(canvas.role(at: Point(6, 0)) == .normal)
    }

    @Test func wideCharacterCutByRightEdgeBecomesSpace() {
      var canvas = Canvas(size: Size(5, 1))
      canvas.put("ab알리", at: .zero)
      #expect(canvas.lines == ["ab알"])
      canvas.put("xyz알", at: Point(1, 0))
      #expect(canvas.lines == ["axyz"])
      #expect(canvas.cell(at: Point(4, 0)) == Cell(" "))
    }

    @Test func clippingKeepsTextInsideTheRectangle() {
      var canvas = Canvas(size: Size(10, 2))
      canvas.put("abcdefgh", at: Point(0, 0), clippedTo: Rect(x: 2, y: 0, width: 3, height: 1))
      canvas.put("알리스", at: Point(0, 1), clippedTo: Rect(x: 1, y: 1, width: 4, height: 1))
      #expect(canvas.lines == ["  cde", "  리"])  // 알 half-visible → space, 스 half-visible → space
    }

    @Test func outOfBoundsWritesAreDropped() {
      var canvas = Canvas(size: Size(4, 2))
      canvas.put("hello", at: Point(-2, 0))
      canvas.put("x", at: Point(0, 5))
      canvas.put("y", at: Point(0, -1))
      canvas.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#")
      canvas.setRole(.error, in: Rect(x: -5, y: -5, width: 100, height: 100))
      #expect(canvas.lines == ["llo", "   #"])
      #expect(canvas.cell(at: Point(4, 0)) == nil)
      #expect(canvas.role(at: Point(0, 0)) == .error)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
      var canvas = Canvas(size: Size(6, 1))
      canvas.put("알리스", at: .zero)
      canvas.put("x", at: Point(1, 0))
      #expect(canvas.lines == [" x리스"])
      canvas.put("y", at: Point(2, 0))
      #expect(canvas.lines == [" xy 스"])
    }

    @Test func linesTrimTrailingSpacesOnly() {
      var canvas = Canvas(size: Size(8, 3))
      canvas.put("  a b  ", at: Point(0, 1))
      #expect(canvas.lines == ["", "  a b", ""])
      #expect(canvas.text == "\n  a b\n")
    }

    @Test func fillAndSetRoleChangeARectangle() {
      var canvas = Canvas(size: Size(4, 3))
      canvas.fill(Rect(x: 1, y: 1, width: 2, height: 2), with: "░", role: .progressTodo)
      canvas.setRole(.seatCursor, in: Rect(x: 2, y: 2, width: 1, height: 1))
      #expect(canvas.lines == ["", " ░░", " ░░"])
      #expect(canvas.role(at: Point(1, 1)) == .progressTodo)
      #expect(canvas.role(at: Point(2, 2)) == .seatCursor)
      #expect(canvas.role(at: Point(0, 0)) == .normal)
    }
  }
}
