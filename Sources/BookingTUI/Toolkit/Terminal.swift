/// A place to draw canvases and read keys: the real terminal or a virtual one in tests.
///
/// For example:
/// ```swift
/// while true {
///   terminal.draw(view(state, size: terminal.size))
///   if case .key(.character("q")) = terminal.nextEvent(timeout: .milliseconds(200)) { break }
/// }
/// ```
@MainActor
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `canvas`, anchored at the top-left corner.
  func draw(_ canvas: Canvas)
  /// Waits at most `timeout` for a key or a resize; `nil` when nothing came.
  func nextEvent(timeout: Duration) -> TerminalEvent?
}
