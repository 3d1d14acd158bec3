/// The digits typed into an amount field, kept by a screen between frames.
///
/// For example:
/// ```swift
/// var field = TextFieldState(maxLength: 9)
/// field.handle(.character("5")); field.handle(.character("0"))
/// field.value  // 50
/// ```
public struct TextFieldState: Hashable, Sendable {
  /// The digits typed so far.
  public private(set) var digits: String
  /// The most digits accepted.
  public var maxLength: Int

  /// Creates an empty field (or one holding the digits of `initial`).
  public init(maxLength: Int = 12, initial: String = "") {
    self.maxLength = max(1, maxLength)
    self.digits = String(initial.filter(\.isASCIIDigit).prefix(self.maxLength))
  }

  /// Whether nothing has been typed.
  public var isEmpty: Bool { digits.isEmpty }

  /// The number typed, or `nil` when empty or too large for `Int64`.
  public var value: Int64? { Int64(digits) }

  /// Appends `character` if it is an ASCII digit and there is room; returns whether it was taken.
  @discardableResult
  public mutating func append(_ character: Character) -> Bool {
    guard character.isASCIIDigit, digits.count < maxLength else { return false }
    if digits == "0" { digits = "" }  // no leading zeros
    digits.append(character)
    return true
  }

  /// Removes the last digit; returns whether there was one.
  @discardableResult
  public mutating func backspace() -> Bool {
    digits.popLast() != nil
  }

  /// Removes all digits.
  public mutating func clear() {
    digits = ""
  }

  /// Applies an editing key (digit, Backspace, Delete, Ctrl-U); returns whether it was used.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character): return append(character)
    case .backspace, .delete: return backspace()
    case .ctrl("u"):
      let hadDigits = !digits.isEmpty
      clear()
      return hadDigits
    default: return false
    }
  }
}

extension Character {
  /// Whether this is one of "0"..."9".
  var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
