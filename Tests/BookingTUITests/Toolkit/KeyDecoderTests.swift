import Testing

@testable import BookingTUI

extension Toolkit {
  /// Raw terminal input to events: what ncurses leaves undecoded never turns into Esc or keys.
  @Suite struct KeyDecoderTests {
    private func decode(_ text: String) -> [TerminalEvent] {
      var decoder = KeyDecoder()
      return decoder.feed(text: text)
    }

    @Test func plainCharactersAndControlsBecomeKeys() {
      #expect(
        decode("q?한\r\u{7F}\u{3}\t")
          == [
            .key(.character("q")), .key(.character("?")), .key(.character("한")), .key(.enter),
            .key(.backspace), .key(.ctrl("c")), .key(.tab),
          ])
      #expect(decode("\u{0}\u{1C}\u{9B}").isEmpty)
    }

    @Test func aLoneEscapeCountsOnlyAfterAQuietSpell() {
      var decoder = KeyDecoder()
      #expect(decoder.feed(.scalar(27)).isEmpty)
      #expect(decoder.isPending)
      #expect(decoder.feed(.idle) == [.key(.escape)])
      #expect(!decoder.isPending)
      #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
    }

    @Test(arguments: [
      ("\u{1B}[1~", Key.home), ("\u{1B}[4~", .end), ("\u{1B}[H", .home), ("\u{1B}[F", .end),
      ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
      ("\u{1B}[A", .up), ("\u{1B}[1;5B", .down), ("\u{1B}OC", .right), ("\u{1B}[5~", .pageUp),
      ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
      ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)),
    ])
    func knownSequencesAreKeysWhateverTheTerminalType(sequence: String, key: Key) {
      #expect(decode(sequence) == [.key(key)])
    }

    @Test(arguments: ["\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[<0;5;5m", "\u{1B}x", "\u{1B}O~"])
    func unknownSequencesAreDroppedWhole(sequence: String) {
      #expect(decode(sequence + "j") == [.key(.character("j"))])
    }

    @Test func aSequenceCutShortOrTooLongIsDropped() {
      #expect(decode("\u{1B}[12").isEmpty)
      #expect(decode("\u{1B}[12\u{7}k") == [.key(.character("k"))])
      let long = "\u{1B}[" + String(repeating: "1", count: 100) + "~k"
      #expect(decode(long) == [.key(.character("k"))])
    }

    @Test func aBracketedPasteIsOneEventWithItsControlCharactersKept() {
      #expect(
        decode("\u{1B}[200~q?\u{7}한\r\u{1B}[31m\u{1B}[201~x") == [
          .paste("q?\u{7}한\r\u{1B}[31m"), .key(.character("x")),
        ])
      var decoder = KeyDecoder()
      #expect(decoder.feed(.pasteStart).isEmpty)
      for scalar in "q1e9".unicodeScalars { #expect(decoder.feed(.scalar(scalar.value)).isEmpty) }
      #expect(decoder.feed(.key(.home)).isEmpty)
      #expect(decoder.feed(.pasteEnd) == [.paste("q1e9")])
    }

    @Test func aPasteWhoseEndNeverComesIsDeliveredAfterAWhile() {
      var decoder = KeyDecoder()
      _ = decoder.feed(.pasteStart)
      _ = decoder.feed(.scalar(0x71))
      var events: [TerminalEvent] = []
      for _ in 0..<KeyDecoder.pasteIdleLimit { events += decoder.feed(.idle) }
      #expect(events == [.paste("q")])
      #expect(!decoder.isPending)
    }

    @Test func sgrMouseReportsAreLeftClicks() {
      #expect(decode("\u{1B}[<0;12;7M") == [.mouse(Point(11, 6))])
      #expect(decode("\u{1B}[<2;12;7M").isEmpty)  // right button
      var decoder = KeyDecoder()
      #expect(decoder.feed(.click(Point(3, 4))) == [.mouse(Point(3, 4))])
    }

    @Test func anEscapeBeforeADecodedKeyIsAnEscapeThenTheKey() {
      var decoder = KeyDecoder()
      _ = decoder.feed(.scalar(27))
      #expect(decoder.feed(.key(.up)) == [.key(.escape), .key(.up)])
      #expect(decoder.feed(.resize(Size(1, 1))) == [.resize(Size(1, 1))])
    }
  }
}
