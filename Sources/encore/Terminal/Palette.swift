import BookingTUI

/// How each `Role` looks: a colour table and a monochrome table beside it.
///
/// The only place in Encore that names colours. `NcursesTerminal` turns a `Palette.Style`
/// into ncurses attributes and colour pairs; the monochrome table is used when `NO_COLOR` is
/// set or the terminal has no colours, and gives every role that carries meaning a distinct
/// bold/reverse/dim/underline look.
struct Palette: Sendable {
  /// One of the eight basic terminal colours, or the terminal's default.
  enum Colour: Int16, Sendable {
    case terminalDefault = -1
    case black, red, green, yellow, blue, magenta, cyan, white
  }

  /// Video attributes that work without colour.
  struct Attributes: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let bold = Attributes(rawValue: 1 << 0)
    static let reverse = Attributes(rawValue: 1 << 1)
    static let dim = Attributes(rawValue: 1 << 2)
    static let underline = Attributes(rawValue: 1 << 3)
  }

  /// The look of one role.
  struct Style: Hashable, Sendable {
    var foreground: Colour = .terminalDefault
    var background: Colour = .terminalDefault
    var attributes: Attributes = []
  }

  /// Whether this palette uses colours at all.
  let usesColour: Bool
  private let styles: [Role: Style]

  /// The look of `role`.
  func style(for role: Role) -> Style {
    styles[role] ?? Style()
  }

  /// The distinct colour combinations this palette needs, in a stable order (pair numbers
  /// are their index + 1).
  var colourPairs: [Style] {
    guard usesColour else { return [] }
    var seen: [Style] = []
    for role in Role.allCases {
      let style = self.style(for: role)
      let pair = Style(foreground: style.foreground, background: style.background)
      if pair != Style(), !seen.contains(pair) { seen.append(pair) }
    }
    return seen
  }

  /// Colours on the terminal's default background.
  static let colour = Palette(
    usesColour: true,
    styles: [
      .normal: Style(),
      .dim: Style(attributes: .dim),
      .bold: Style(attributes: .bold),
      .title: Style(foreground: .cyan, attributes: .bold),
      .titleBar: Style(foreground: .cyan, attributes: .bold),
      .accent: Style(foreground: .yellow, attributes: .bold),
      .selection: Style(foreground: .black, background: .cyan),
      .keyHint: Style(),
      .keyHintKey: Style(foreground: .cyan, attributes: .bold),
      .error: Style(foreground: .red, attributes: .bold),
      .success: Style(foreground: .green, attributes: .bold),
      .warning: Style(foreground: .yellow, attributes: .bold),
      .info: Style(foreground: .cyan),
      .stage: Style(foreground: .yellow, attributes: .bold),
      .seatFree: Style(foreground: .green),
      .seatHeld: Style(foreground: .yellow),
      .seatSold: Style(foreground: .red, attributes: .dim),
      .seatMine: Style(foreground: .cyan, attributes: .bold),
      .seatSelected: Style(foreground: .magenta, attributes: .bold),
      .seatCursor: Style(attributes: [.reverse, .bold]),
      .tierPremium: Style(foreground: .magenta),
      .tierHigh: Style(foreground: .yellow),
      .tierMid: Style(foreground: .cyan),
      .tierLow: Style(foreground: .green),
      .progressDone: Style(foreground: .green),
      .progressTodo: Style(attributes: .dim),
      .border: Style(foreground: .blue),
      .disabled: Style(attributes: .dim),
      .inputField: Style(foreground: .white, background: .blue, attributes: .bold),
    ])

  /// No colours: bold, reverse, dim and underline only.
  static let monochrome = Palette(
    usesColour: false,
    styles: [
      .normal: Style(),
      .dim: Style(attributes: .dim),
      .bold: Style(attributes: .bold),
      .title: Style(attributes: .bold),
      .titleBar: Style(attributes: .bold),
      .accent: Style(attributes: .bold),
      .selection: Style(attributes: .reverse),
      .keyHint: Style(),
      .keyHintKey: Style(attributes: .bold),
      .error: Style(attributes: [.bold, .underline]),
      .success: Style(attributes: .bold),
      .warning: Style(attributes: .bold),
      .info: Style(),
      .stage: Style(attributes: .bold),
      .seatFree: Style(),
      .seatHeld: Style(attributes: .dim),
      .seatSold: Style(attributes: .dim),
      .seatMine: Style(attributes: .bold),
      .seatSelected: Style(attributes: [.bold, .underline]),
      .seatCursor: Style(attributes: .reverse),
      .tierPremium: Style(attributes: .bold),
      .tierHigh: Style(),
      .tierMid: Style(),
      .tierLow: Style(),
      .progressDone: Style(),
      .progressTodo: Style(attributes: .dim),
      .border: Style(),
      .disabled: Style(attributes: .dim),
      .inputField: Style(attributes: .underline),
    ])
}
