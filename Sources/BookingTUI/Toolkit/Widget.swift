/// Something that draws itself into a rectangle of a canvas.
///
/// Widgets are short-lived values built for one frame; state that lasts between frames
/// (a selection, typed digits) lives in the screen's state and is passed in.
public protocol Widget {
  /// Draws into `rect` of `canvas`, touching nothing outside it.
  func render(in rect: Rect, on canvas: inout Canvas)
}
