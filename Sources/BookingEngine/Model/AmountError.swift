/// Why a typed amount of won was refused. Its `description` is the sentence to show.
public enum AmountError: Error, Sendable, Hashable {
  /// Nothing was typed.
  case empty
  /// Not digits (optionally grouped by `,` in threes or by `_`): `-5`, `1e9`, `12.5`, `q1`.
  case malformed(String)
  /// Digits, but more than any charge could be (beyond `Int64`).
  case tooLarge(String)
  /// Zero.
  case notPositive(String)
}

extension AmountError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .empty: "Type an amount in won, such as 300000."
    case .malformed(let text):
      "The amount must be a positive whole number of won in digits, such as 300000 (got “\(text)”)."
    case .tooLarge(let text):
      "The amount \(text) is far too large; one charge may add at most 1,000,000 won."
    case .notPositive(let text):
      "The amount must be a positive whole number of won, such as 300000 (got \(text))."
    }
  }
}
