import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct TextWidthTests {
    @Test func hangulTakesTwoColumnsPerSyllable() {
      #expect(TextWidth.width(of: "알리스") == 6)
    }

    @Test func asciiTakesOneColumnPerCharacter() {
      #expect(TextWidth.width(of: "alice 18:42") == 11)
      #expect(TextWidth.width(of: "") == 0)
    }

    @Test func mixedStringsAddUp() {
      #expect(TextWidth.width(of: "Encore · 올림픽홀") == 9 + 8)
      #expect(TextWidth.width(of: "東京 Dome") == 4 + 5)
      #expect(TextWidth.width(of: "ＡＢ") == 4)  // full-width forms
      #expect(TextWidth.width(of: "ok 👍") == 3 + 2)
      #expect(TextWidth.width(of: "┌─ STAGE ─┐") == 11)
    }

    @Test func combiningMarksTakeNoColumn() {
      #expect(TextWidth.width(of: "e\u{301}") == 1)
      #expect(TextWidth.width(of: "\u{1100}\u{1161}\u{11A8}") == 2)  // decomposed 각
      #expect(TextWidth.width(of: "a\u{200B}b") == 2)
    }

    @Test func emojiSequencesTakeTwoColumns() {
      #expect(TextWidth.width(of: "❤️") == 2)  // text-default heart with emoji presentation
      #expect(TextWidth.width(of: "🇰🇷") == 2)
      #expect(TextWidth.width(of: "👍🏽") == 2)
    }

    @Test func truncationCutsAtWideCharactersAndAddsEllipsis() {
      #expect(TextWidth.truncate("Aurora Live 2026", toWidth: 8) == "Aurora …")
      #expect(TextWidth.truncate("알리스입니다", toWidth: 7) == "알리스…")
      #expect(TextWidth.truncate("알리스입니다", toWidth: 6) == "알리…")
      #expect(TextWidth.width(of: TextWidth.truncate("알리스입니다", toWidth: 6)) == 5)
      #expect(TextWidth.truncate("short", toWidth: 5) == "short")
      #expect(TextWidth.truncate("short", toWidth: 0) == "")
    }

    @Test func paddingAlignsByDisplayWidth() {
      #expect(TextWidth.pad("알리", toWidth: 6) == "알리  ")
      #expect(TextWidth.pad("알리", toWidth: 6, alignment: .right) == "  알리")
      #expect(TextWidth.pad("ab", toWidth: 5, alignment: .centre) == " ab  ")
      #expect(TextWidth.pad("too long text", toWidth: 5) == "too …")
    }

    @Test func wrappingBreaksAtSpaces() {
      #expect(
        TextWidth.wrap("Resize the window or press q", toWidth: 12) == [
          "Resize the", "window or", "press q",
        ])
    }

    @Test func rangeTablesAreSortedAndDisjoint() {
      for table in [TextWidth.zeroWidth, TextWidth.wide] {
        for (a, b) in zip(table, table.dropFirst()) {
          #expect(a.upperBound < b.lowerBound, "\(a) overlaps or precedes \(b)")
        }
      }
    }
  }
}
