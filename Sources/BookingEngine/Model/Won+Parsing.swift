extension Won {
  /// Reads an amount as a person types it: digits, optionally grouped by commas in threes
  /// (`300,000`) or by underscores (`300_000`). Anything else is refused with a sentence, never
  /// trimmed into a different number.
  ///
  /// For example:
  /// ```swift
  /// try Won.parse("300,000")  // 300000
  /// try Won.parse("-5")       // throws AmountError.malformed("-5")
  /// ```
  public static func parse(_ text: String) throws(AmountError) -> Int64 {
    guard !text.isEmpty else { throw .empty }
    let wellFormed =
      text.wholeMatch(of: /[0-9]+/) != nil || text.wholeMatch(of: /[0-9]{1,3}(,[0-9]{3})+/) != nil
      || text.wholeMatch(of: /[0-9]+(_[0-9]+)+/) != nil
    guard wellFormed else { throw .malformed(text) }
    guard let amount = Int64(text.filter { $0 != "," && $0 != "_" }) else {
      throw .tooLarge(text)
    }
    guard amount > 0 else { throw .notPositive(text) }
    return amount
  }
}
