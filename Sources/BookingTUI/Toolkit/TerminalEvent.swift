/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
  /// A key was pressed.
  case key(Key)
  /// Text was pasted (bracketed paste): one event, never replayed as keys.
  case paste(String)
  /// The left mouse button was clicked on this cell.
  case mouse(Point)
  /// The terminal now has this size.
  case resize(Size)
}
