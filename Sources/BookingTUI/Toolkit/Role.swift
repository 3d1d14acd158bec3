/// The meaning of a cell's style. Drawing code names roles, never colours; the terminal
/// backend maps each role to colours or, without colour, to bold/reverse/dim/underline.
public enum Role: String, CaseIterable, Hashable, Sendable {
  /// Ordinary text.
  case normal
  /// Less important text.
  case dim
  /// Emphasised text.
  case bold
  /// A heading inside a screen.
  case title
  /// The title bar at the top of every screen.
  case titleBar
  /// Something to notice, such as the number a person is waiting for.
  case accent
  /// The highlighted row of a list.
  case selection
  /// The label of a key hint in the footer.
  case keyHint
  /// The key of a key hint in the footer.
  case keyHintKey
  /// An error message.
  case error
  /// A success message.
  case success
  /// A warning.
  case warning
  /// Neutral information.
  case info
  /// The stage on the seat map.
  case stage
  /// A seat anyone can take.
  case seatFree
  /// A seat held by someone else.
  case seatHeld
  /// A sold seat.
  case seatSold
  /// A seat held or bought by this user.
  case seatMine
  /// A seat picked but not yet held.
  case seatSelected
  /// The seat under the cursor.
  case seatCursor
  /// The most expensive price tier.
  case tierPremium
  /// The second price tier.
  case tierHigh
  /// The third price tier.
  case tierMid
  /// The cheapest price tier.
  case tierLow
  /// The done part of a progress bar.
  case progressDone
  /// The remaining part of a progress bar.
  case progressTodo
  /// Box borders and rules.
  case border
  /// Something that cannot be chosen.
  case disabled
  /// A text entry field.
  case inputField
}
