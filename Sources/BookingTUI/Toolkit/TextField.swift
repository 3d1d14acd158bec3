/// A one-line amount entry: the digits (grouped by thousands), a cursor block, and an
/// optional unit, on a field in the `.inputField` role.
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

  /// The number as displayed: digits grouped by thousands.
  public var displayText: String {
    state.value.map(Format.grouped) ?? state.digits
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
      x = canvas.put(displayText, at: fieldRect.origin, role: .inputField, clippedTo: fieldRect)
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
