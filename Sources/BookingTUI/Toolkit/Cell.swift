/// One terminal cell: a grapheme and its role.
///
/// A wide character (Hangul, CJK, emoji) occupies two cells: the left one holds the
/// character, the right one is a continuation cell that holds nothing to draw.
public struct Cell: Hashable, Sendable {
  /// The grapheme shown in this cell (a space for continuation cells).
  public var character: Character
  /// The style role of this cell.
  public var role: Role
  /// Whether this cell is the right half of a wide character.
  public var isContinuation: Bool

  /// Creates a cell.
  public init(_ character: Character = " ", role: Role = .normal, isContinuation: Bool = false) {
    self.character = character
    self.role = role
    self.isContinuation = isContinuation
  }

  /// A blank cell in the normal role.
  public static let blank = Cell()
}
