/// The text typed into a one-line field, kept by a screen between frames.
///
/// The field takes every printable character, so what the user typed is what they see and
/// what gets checked: a screen parses `text` (for example with `Won.parse`) and says what is
/// wrong, rather than the field quietly dropping or trimming characters.
///
/// For example:
/// ```swift
/// var field = TextFieldState(maxLength: 24)
/// field.handle(.character("5")); field.handle(.character("0"))
/// field.insert(pasted: "0\u{1B}[31m00")  // control characters are dropped
/// field.text  // "50[31m00"
/// ```
public struct TextFieldState: Hashable, Sendable {
  /// The text typed so far.
  public private(set) var text: String
  /// The most characters accepted.
  public var maxLength: Int

  /// Creates an empty field (or one holding `initial`, control characters dropped).
  public init(maxLength: Int = 24, initial: String = "") {
    self.maxLength = max(1, maxLength)
    self.text = ""
    insert(pasted: initial)
  }

  /// Whether nothing has been typed.
  public var isEmpty: Bool { text.isEmpty }

  /// Appends `character` if it is printable and there is room; returns whether it was taken.
  @discardableResult
  public mutating func append(_ character: Character) -> Bool {
    guard character.isPrintable, text.count < maxLength else { return false }
    text.append(character)
    return true
  }

  /// Appends the printable characters of `pasted` that fit; returns whether any were taken.
  @discardableResult
  public mutating func insert(pasted: String) -> Bool {
    var changed = false
    for character in pasted where append(character) { changed = true }
    return changed
  }

  /// Removes the last character; returns whether there was one.
  @discardableResult
  public mutating func backspace() -> Bool {
    text.popLast() != nil
  }

  /// Removes all text.
  public mutating func clear() {
    text = ""
  }

  /// Applies an editing key (a printable character, Backspace, Delete, Ctrl-U); returns
  /// whether it was used.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character): return append(character)
    case .backspace, .delete: return backspace()
    case .ctrl("u"):
      let hadText = !text.isEmpty
      clear()
      return hadText
    default: return false
    }
  }
}

extension Character {
  /// Whether this is one of "0"..."9".
  var isASCIIDigit: Bool { isASCII && isWholeNumber }

  /// Whether this can be shown in a field: no control or format characters (escape, newline,
  /// tab, C1 controls, bidi overrides).
  var isPrintable: Bool {
    !unicodeScalars.contains { scalar in
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: true
      default: false
      }
    }
  }
}
