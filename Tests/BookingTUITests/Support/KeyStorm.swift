@testable import BookingTUI

/// Random terminal input for the storm test: keys, known and unknown escape sequences, pastes
/// with control characters and Hangul, clicks, resizes down to 1x1, and the passing of time.
struct KeyStorm {
  /// One step of the storm.
  enum Step {
    /// Raw bytes as a terminal sends them (decoded by the virtual terminal's `KeyDecoder`).
    case raw(String)
    /// A key as the terminal library decodes it.
    case key(Key)
    case click(Point)
    case resize(Size)
    /// Seconds for the clock to move before the next tick.
    case wait(Double)
  }

  var generator: SeededGenerator

  static let keys: [Key] = [
    .up, .down, .left, .right, .up, .down, .left, .right, .enter, .enter, .escape, .backspace,
    .tab, .backTab, .pageUp, .pageDown, .home, .end, .delete, .function(1), .function(5),
    .ctrl("u"), .ctrl("z"), .ctrl("l"), .character(" "), .character(" "),
  ]
  static let characters = Array("hjklgG0$x?tpq1234567890,_-e한글서울 ")
  static let known = [
    "\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[H",
    "\u{1B}[F", "\u{1B}OH", "\u{1B}OF", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[3~", "\u{1B}[Z",
    "\u{1B}OP", "\u{1B}[<0;20;10M", "\u{1B}",
  ]
  static let unknown = [
    "\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[200", "\u{1B}x", "\u{1B}[1;5Q", "\u{1B}[<2;3;4M",
    "\u{1B}]0;title\u{7}", "\u{1B}[" + String(repeating: "9", count: 40) + "~", "\u{1B}O",
  ]
  static let pasteParts = [
    "q", "?", "1e9", "300,000", "-5", "\u{7}", "\r", "\n", "\t", "한글",
    "\u{1B}[31m", "\u{1B}", "\u{202E}", "99999999999999999999", "0", "x", " ",
  ]

  mutating func next() -> Step {
    let roll = Int.random(in: 0..<1000, using: &generator)
    switch roll {
    case 0..<420: return .key(Self.keys.randomElement(using: &generator)!)
    case 420..<650: return .raw(String(Self.characters.randomElement(using: &generator)!))
    case 650..<780: return .raw(Self.known.randomElement(using: &generator)!)
    case 780..<850: return .raw(Self.unknown.randomElement(using: &generator)!)
    case 850..<890:
      let count = Int.random(in: 0...6, using: &generator)
      let body = (0..<count).map { _ in Self.pasteParts.randomElement(using: &generator)! }
      return .raw("\u{1B}[200~" + body.joined() + "\u{1B}[201~")
    case 890..<910:
      let sizes = [Size(1, 1), Size(80, 24), Size(79, 23), Size(120, 40), Size(80, 24)]
      if Bool.random(using: &generator) { return .resize(sizes.randomElement(using: &generator)!) }
      return .resize(
        Size(Int.random(in: 1...140, using: &generator), Int.random(in: 1...50, using: &generator)))
    case 910..<940:
      return .click(
        Point(
          Int.random(in: -2...130, using: &generator), Int.random(in: -2...45, using: &generator)))
    case 940..<985: return .raw(String(Self.characters.randomElement(using: &generator)!))
    case 985..<997: return .wait(Double.random(in: 0.1...2, using: &generator))
    default: return .wait(Double.random(in: 30...400, using: &generator))
    }
  }
}
