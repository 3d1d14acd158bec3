/// A key press, as the app sees it.
public enum Key: Hashable, Sendable {
  /// A printable character (including space).
  case character(Character)
  /// Arrow up.
  case up
  /// Arrow down.
  case down
  /// Arrow left.
  case left
  /// Arrow right.
  case right
  /// Enter or Return.
  case enter
  /// Escape.
  case escape
  /// Backspace.
  case backspace
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Home.
  case home
  /// End.
  case end
  /// Delete (forward).
  case delete
  /// A function key: `.function(1)` is F1.
  case function(Int)
  /// A control chord with a lowercase letter: `.ctrl("c")` is Ctrl-C.
  case ctrl(Character)
}
