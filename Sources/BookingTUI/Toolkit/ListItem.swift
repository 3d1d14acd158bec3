/// One row of a `ListView`.
public struct ListItem: Hashable, Sendable {
  /// The main text, left-aligned.
  public var text: String
  /// Text right-aligned on the same row (a price, "sold out"), or `nil`.
  public var detail: String?
  /// Whether the row cannot be chosen.
  public var isDisabled: Bool

  /// Creates a list row.
  public init(_ text: String, detail: String? = nil, isDisabled: Bool = false) {
    self.text = text
    self.detail = detail
    self.isDisabled = isDisabled
  }
}
