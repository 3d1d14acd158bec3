/// A one-line status message, styled by its kind and led by a glyph so that the kind does
/// not depend on colour alone.
///
/// For example:
/// ```swift
/// Toast("Seat C7 was just taken", kind: .error).render(in: statusLine, on: &canvas)
/// // ✗ Seat C7 was just taken
/// ```
public struct Toast: Widget, Hashable, Sendable {
  /// What kind of news a toast carries.
  public enum Kind: Hashable, Sendable {
    /// Neutral information.
    case info
    /// Something worked.
    case success
    /// Something needs attention.
    case warning
    /// Something failed.
    case error

    /// The role of a toast of this kind.
    public var role: Role {
      switch self {
      case .info: .info
      case .success: .success
      case .warning: .warning
      case .error: .error
      }
    }

    /// The glyph in front of the message.
    public var glyph: String {
      switch self {
      case .info: "·"
      case .success: "✓"
      case .warning: "!"
      case .error: "✗"
      }
    }
  }

  /// The message.
  public var message: String
  /// The kind of message.
  public var kind: Kind

  /// Creates a toast.
  public init(_ message: String, kind: Kind = .info) {
    self.message = message
    self.kind = kind
  }

  /// Draws the message on the first row of `rect`, truncated to fit; a taller `rect` takes
  /// the message wrapped at word boundaries, continuation lines under its first word.
  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let lead = " " + kind.glyph + " "
    let lines =
      rect.height == 1
      ? [lead + message]
      : TextWidth.wrap(message, toWidth: max(1, rect.width - 3)).enumerated().map {
        ($0.offset == 0 ? lead : "   ") + $0.element
      }
    for (row, line) in lines.prefix(rect.height).enumerated() {
      let area = rect.row(row)
      let text = TextWidth.truncate(line, toWidth: area.width)
      canvas.put(text, at: area.origin, role: kind.role, clippedTo: area)
    }
  }
}
