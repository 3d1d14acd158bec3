/// A one-line text entry: the text (digits grouped by thousands when it is a plain number), a
/// cursor block, and an optional unit, on a field in the `.inputField` role. Text wider than
/// the field scrolls so that the end (where typing happens) stays in view.
///
/// For example:
/// ```swift
/// TextField(state: field, unit: "won", placeholder: "amount")
///   .render(in: Rect(x: 4, y: 10, width: 20, height: 1), on: &canvas)
/// // 50,000█ won
/// ```
public struct TextField: Widget, Sendable {
  /// The typed digits.
  public var state: TextFieldState
  /// Text after the number, such as "won".
  public var unit: String
  /// Text shown dimmed while empty.
  public var placeholder: String
  /// Whether the field has focus (shows the cursor).
  public var isFocused: Bool

  /// Creates a field view.
  public init(
    state: TextFieldState, unit: String = "", placeholder: String = "", isFocused: Bool = true
  ) {
    self.state = state
    self.unit = unit
    self.placeholder = placeholder
    self.isFocused = isFocused
  }

  /// The text as displayed: a plain number grouped by thousands, anything else as typed.
  public var displayText: String {
    let text = state.text
    guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), text.count <= 18, let number = Int64(text)
    else { return text }
    return Format.grouped(number)
  }

  /// Draws the field on the first row of `rect`.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let suffix = unit.isEmpty ? "" : " " + unit
    let fieldRect = rect.row(0).inset(
      top: 0, left: 0, bottom: 0, right: min(rect.width, TextWidth.width(of: suffix)))
    canvas.fill(fieldRect, role: .inputField)
    var x = fieldRect.minX
    if state.isEmpty && !placeholder.isEmpty && !isFocused {
      canvas.put(placeholder, at: fieldRect.origin, role: .disabled, clippedTo: fieldRect)
    } else {
      // Keep the end in view, leaving a cell for the cursor.
      let room = max(0, fieldRect.width - (isFocused ? 1 : 0))
      let shown = TextWidth.suffix(of: displayText, fittingWidth: room)
      x = canvas.put(shown, at: fieldRect.origin, role: .inputField, clippedTo: fieldRect)
    }
    if isFocused {
      canvas.put(
        "█", at: Point(min(x, fieldRect.maxX - 1), fieldRect.minY), role: .inputField,
        clippedTo: fieldRect)
    }
    canvas.put(
      suffix, at: Point(fieldRect.maxX, fieldRect.minY), role: .normal, clippedTo: rect.row(0))
  }
}
