/// Turns what a terminal sends into events: keys, pastes, clicks and resizes.
///
/// The real terminal hands over what ncurses read in keypad mode (characters, and keys it
/// decoded by terminfo); this decoder does the rest, so the rules can be tested without a
/// terminal:
/// - an escape sequence ncurses did not know (`ESC [ 9 9 ~`, a Home from a terminal whose
///   `TERM` does not match) is decoded when it is a known xterm key and otherwise dropped
///   whole; it never becomes Esc plus stray keys;
/// - a lone Esc counts only once the terminal has been quiet for the escape delay (`.idle`);
/// - everything between the bracketed-paste marks is one `.paste`, never keys;
/// - SGR mouse reports (`ESC [ < 0 ; x ; y M`) become left clicks.
///
/// For example:
/// ```swift
/// var decoder = KeyDecoder()
/// decoder.feed(text: "\u{1B}[1~q")  // [.key(.home), .key(.character("q"))]
/// decoder.feed(.idle)              // []
/// ```
public struct KeyDecoder: Sendable {
  /// One thing read from the terminal.
  public enum Input: Hashable, Sendable {
    /// A character code, as read (control codes included).
    case scalar(UInt32)
    /// A key the terminal library already decoded.
    case key(Key)
    /// The terminal library's code for the start of a bracketed paste (`ESC [ 200 ~`).
    case pasteStart
    /// The terminal library's code for the end of a bracketed paste (`ESC [ 201 ~`).
    case pasteEnd
    /// A left click on this cell, decoded by the terminal library.
    case click(Point)
    /// The terminal changed size.
    case resize(Size)
    /// Nothing arrived within the escape delay.
    case idle
  }

  private enum State: Sendable {
    case ground
    /// After ESC.
    case escape
    /// After ESC [ (or ESC O when `ss3`), collecting up to the final byte.
    case sequence(String, ss3: Bool)
    /// Inside a bracketed paste; `idles` counts quiet spells, to end a paste whose end mark
    /// never comes.
    case paste(String, idles: Int)
  }

  private var state = State.ground

  /// The longest escape sequence decoded; longer ones are swallowed and dropped.
  static let maxSequenceLength = 32
  /// The most characters a paste keeps (the rest is dropped).
  public static let maxPasteLength = 10_000
  /// Quiet spells after which an unterminated paste is delivered as it stands.
  static let pasteIdleLimit = 20

  /// Creates a decoder in its ground state.
  public init() {}

  /// Whether the decoder is in the middle of something (an Esc, a sequence, a paste) and the
  /// terminal should report `.idle` after the escape delay if nothing more comes.
  public var isPending: Bool {
    if case .ground = state { return false }
    return true
  }

  /// Feeds every Unicode scalar of `text`, then `.idle`; returns the events.
  public mutating func feed(text: String) -> [TerminalEvent] {
    var events = text.unicodeScalars.flatMap { feed(.scalar($0.value)) }
    events += feed(.idle)
    return events
  }

  /// Feeds one input; returns the events it completes (often none, sometimes two).
  public mutating func feed(_ input: Input) -> [TerminalEvent] {
    switch state {
    case .ground: return ground(input)
    case .escape: return afterEscape(input)
    case .sequence(let collected, let ss3): return inSequence(input, collected, ss3: ss3)
    case .paste(let text, let idles): return inPaste(input, text, idles: idles)
    }
  }

  // MARK: - States

  private mutating func ground(_ input: Input) -> [TerminalEvent] {
    switch input {
    case .scalar(27):
      state = .escape
      return []
    case .scalar(let code): return Self.key(forCode: code).map { [.key($0)] } ?? []
    case .key(let key): return [.key(key)]
    case .pasteStart:
      state = .paste("", idles: 0)
      return []
    case .pasteEnd, .idle: return []
    case .click(let point): return [.mouse(point)]
    case .resize(let size): return [.resize(size)]
    }
  }

  private mutating func afterEscape(_ input: Input) -> [TerminalEvent] {
    switch input {
    case .scalar(91):  // [
      state = .sequence("", ss3: false)
      return []
    case .scalar(79):  // O
      state = .sequence("", ss3: true)
      return []
    case .scalar(27):  // Esc Esc: the first was a real Esc
      return [.key(.escape)]
    case .scalar:
      // Alt with a key: not a key Encore uses, and never taken for Esc.
      state = .ground
      return []
    case .idle:
      state = .ground
      return [.key(.escape)]
    default:
      state = .ground
      return [.key(.escape)] + ground(input)
    }
  }

  private mutating func inSequence(_ input: Input, _ collected: String, ss3: Bool)
    -> [TerminalEvent]
  {
    guard case .scalar(let code) = input else {
      // Cut off by something else: drop the partial sequence.
      state = .ground
      return input == .idle ? [] : ground(input)
    }
    guard let scalar = Unicode.Scalar(code), code >= 0x20, code < 0x7F else {
      state = .ground
      return code == 27 ? ground(input) : []
    }
    if (0x40...0x7E).contains(code) {
      state = .ground
      // An overlong sequence is garbage: swallowed to its final byte, then dropped.
      guard collected.count < Self.maxSequenceLength else { return [] }
      return decode(collected, final: Character(scalar), ss3: ss3)
    }
    if collected.count < Self.maxSequenceLength {
      state = .sequence(collected + String(scalar), ss3: ss3)
    }
    return []
  }

  private mutating func inPaste(_ input: Input, _ text: String, idles: Int) -> [TerminalEvent] {
    switch input {
    case .pasteEnd:
      state = .ground
      return [.paste(text)]
    case .scalar(let code):
      guard let scalar = Unicode.Scalar(code) else { return [] }
      var text = text
      if text.unicodeScalars.count < Self.maxPasteLength { text.unicodeScalars.append(scalar) }
      // The end mark arrives as raw bytes when the terminal library did not decode it.
      if text.hasSuffix("\u{1B}[201~") {
        state = .ground
        return [.paste(String(text.dropLast(6)))]
      }
      state = .paste(text, idles: 0)
      return []
    case .idle:
      guard idles + 1 >= Self.pasteIdleLimit else {
        state = .paste(text, idles: idles + 1)
        return []
      }
      state = .ground
      return [.paste(text)]
    case .resize(let size): return [.resize(size)]
    case .key, .click, .pasteStart: return []
    }
  }

  // MARK: - Decoding

  /// A character code outside any sequence.
  static func key(forCode code: UInt32) -> Key? {
    switch code {
    case 10, 13: .enter
    case 8, 127: .backspace
    case 9: .tab
    case 1...26: .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
    case 0..<32, 0x80..<0xA0: nil
    default:
      Unicode.Scalar(code).map(Character.init).flatMap { $0.isPrintable ? .character($0) : nil }
    }
  }

  /// A complete CSI (`ESC [`) or SS3 (`ESC O`) sequence: a key, a paste mark, a click, or
  /// nothing.
  private mutating func decode(_ parameters: String, final: Character, ss3: Bool) -> [TerminalEvent]
  {
    if let key = Self.cursorKey(final) { return [.key(key)] }
    if ss3 {
      let functionKeys: [Character: Int] = ["P": 1, "Q": 2, "R": 3, "S": 4]
      if final == "M" { return [.key(.enter)] }
      return functionKeys[final].map { [.key(.function($0))] } ?? []
    }
    switch final {
    case "Z": return [.key(.backTab)]
    case "~":
      switch parameters.split(separator: ";").first.flatMap({ Int($0) }) {
      case 200:
        state = .paste("", idles: 0)
        return []
      case let number?: return Self.tildeKey(number).map { [.key($0)] } ?? []
      case nil: return []
      }
    case "M" where parameters.hasPrefix("<"):
      let numbers = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
      guard numbers.count == 3, numbers[0] == 0, numbers[1] >= 1, numbers[2] >= 1 else {
        return []
      }
      return [.mouse(Point(numbers[1] - 1, numbers[2] - 1))]
    default: return []
    }
  }

  /// Arrows, Home and End, shared by CSI and SS3 forms.
  private static func cursorKey(_ final: Character) -> Key? {
    switch final {
    case "A": .up
    case "B": .down
    case "C": .right
    case "D": .left
    case "H": .home
    case "F": .end
    default: nil
    }
  }

  /// `ESC [ n ~` keys (xterm, VT220, rxvt).
  private static func tildeKey(_ number: Int) -> Key? {
    switch number {
    case 1, 7: .home
    case 4, 8: .end
    case 3: .delete
    case 5: .pageUp
    case 6: .pageDown
    case 11...15: .function(number - 10)
    case 17...21: .function(number - 11)
    case 23, 24: .function(number - 12)
    default: nil
    }
  }
}
