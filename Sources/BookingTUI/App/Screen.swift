import BookingEngine

/// One screen of the app: its state, how it changes on an event, and how it looks.
///
/// Screens never call the engine or touch the terminal: `update` returns effects (values) that
/// the app performs, and engine results come back later as `.result` events.
@MainActor
protocol Screen {
  /// Where the user is, for the title bar: "Concerts", "Aurora Live 2026 · Sat 12 Dec 19:00".
  var title: String { get }
  /// The key hints for the footer, most important first.
  var hints: [KeyHint] { get }
  /// The screen's keys for the help overlay (the footer hints unless a screen has more).
  var helpEntries: [KeyHint] { get }
  /// Whether a text field has focus: it then owns every printable key (`q` and `?` too) and
  /// pastes; only Ctrl-C and F1 stay with the app.
  var capturesText: Bool { get }
  /// Text at the right of the footer ("updated 0.4 s ago"), or empty.
  func status(_ context: AppContext) -> String
  /// Called when the screen comes on top: pushed, or uncovered by a pop.
  mutating func appear(_ context: AppContext) -> [Effect]
  /// Handles a key, a tick or an engine result.
  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect]
  /// Draws the screen's body into `area` (title bar, footer and toast are drawn by the app).
  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext)
}

extension Screen {
  var helpEntries: [KeyHint] { hints }
  var capturesText: Bool { false }
  func status(_ context: AppContext) -> String { "" }
  mutating func appear(_ context: AppContext) -> [Effect] { [] }
}

/// What a screen reacts to.
enum ScreenEvent: Sendable {
  /// A key the app did not take for itself (it takes Ctrl-C, F1, and `?` and `q` unless a
  /// text field has focus).
  case key(Key)
  /// Pasted text, as one event; only a screen with a focused text field uses it.
  case paste(String)
  /// A mouse click at `point`, with the area the screen's body was drawn in.
  case click(Point, area: Rect)
  /// Time passed; `now` comes from the engine's clock.
  case tick
  /// An engine command this screen asked for has finished.
  case result(EngineResult)
  /// One of the user's holds ran out (the app has already dropped it and said so).
  case holdExpired(LiveHold)
  /// The engine reported a different set of holds for the user (see ``AppContext/holds``).
  case holdsChanged
  /// The engine announced a change someone made (see ``BookingEngine/changes()``): a view
  /// of it asks again now rather than at its next poll.
  case changed(BookingChange)
}
