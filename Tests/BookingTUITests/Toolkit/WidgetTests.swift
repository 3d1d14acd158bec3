import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct WidgetTests {
    @Test func boxCentresItsTitle() {
      var canvas = Canvas(size: Size(17, 3))
      Box(title: "STAGE", role: .stage).render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == ["┌──── STAGE ────┐", "│               │", "└───────────────┘"])
      #expect(canvas.role(at: Point(0, 0)) == .stage)
      #expect(canvas.role(at: Point(7, 0)) == .title)
    }

    @Test func titleBarKeepsTheRightTextWhenNarrow() {
      var canvas = Canvas(size: Size(30, 2))
      TitleBar(left: " Encore · Aurora Live 2026", right: "alice  18:42:07").render(
        in: canvas.bounds, on: &canvas)
      #expect(
        canvas.lines == [" Encore · Aur… alice  18:42:07", String(repeating: "─", count: 30)])
      #expect(canvas.role(at: Point(29, 0)) == .titleBar)
      #expect(canvas.role(at: Point(0, 1)) == .border)
    }

    @Test func helpOverlayListsKeysInACentredBox() {
      var canvas = Canvas(size: Size(30, 9))
      canvas.fill(canvas.bounds, with: ".")
      HelpOverlay(entries: [KeyHint("q", "quit"), KeyHint("Esc", "back")]).render(
        in: canvas.bounds, on: &canvas)
      #expect(
        canvas.lines == [
          "..............................",
          "..┌───────── Help ─────────┐..",
          "..│                        │..",
          "..│ q     quit             │..",
          "..│ Esc   back             │..",
          "..│                        │..",
          "..│ Press any key to close │..",
          "..└────────────────────────┘..",
          "..............................",
        ])
      #expect(canvas.role(at: Point(4, 4)) == .keyHintKey)
      #expect(canvas.role(at: Point(2, 4)) == .border)
    }

    @Test func tooSmallScreenNamesBothSizes() {
      var canvas = Canvas(size: Size(60, 18))
      TooSmallScreen(current: canvas.size).render(in: canvas.bounds, on: &canvas)
      let text = canvas.lines.map { $0.trimmingLeadingSpaces() }.filter { !$0.isEmpty }
      #expect(
        text == [
          "Terminal too small: 60x18.", "Encore needs at least 80x24.",
          "Resize the window or press q to quit.",
        ])
      #expect(canvas.lines[7] == "                 Terminal too small: 60x18.")
    }

    @Test func toastShowsAGlyphAndRole() {
      var canvas = Canvas(size: Size(30, 1))
      Toast("Seat C7 was just taken", kind: .error).render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == [" ✗ Seat C7 was just taken"])
      #expect(canvas.role(at: Point(5, 0)) == .error)
    }

    @Test func textFieldTakesPrintableKeysAndPastesWithoutControls() {
      var field = TextFieldState(maxLength: 6)
      for key in [Key.character("q"), .character("?"), .character("5"), .enter, .escape] {
        field.handle(key)
      }
      #expect(field.text == "q?5")
      field.insert(pasted: "\u{1B}[2~한\n글x")
      #expect(field.text == "q?5[2~")  // control characters dropped, then full
      field.handle(.backspace)
      #expect(field.text == "q?5[2")
      field.handle(.ctrl("u"))
      #expect(field.isEmpty)
      let deleted = field.handle(.backspace)
      #expect(!deleted)
    }

    @Test func textFieldRendersGroupedDigitsAndCursor() {
      var canvas = Canvas(size: Size(16, 1))
      TextField(state: TextFieldState(initial: "50000"), unit: "won").render(
        in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == ["50,000█      won"])
      #expect(canvas.role(at: Point(0, 0)) == .inputField)
      #expect(canvas.role(at: Point(11, 0)) == .inputField)
      #expect(canvas.role(at: Point(13, 0)) == .normal)
    }
  }
}

extension String {
  fileprivate func trimmingLeadingSpaces() -> String {
    String(drop { $0 == " " })
  }
}
