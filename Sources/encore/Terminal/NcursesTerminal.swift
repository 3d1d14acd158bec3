import BookingTUI
import CNcurses
import Foundation

/// The real terminal, through ncurses (wide-character API). The only code in Encore that
/// calls ncurses.
///
/// Lifecycle and signals:
/// - `start()` refuses, with a `StartError` a person can act on, when stdin or stdout is not
///   a terminal, `TERM` is unset or unknown, or the terminal cannot position the cursor
///   (`TERM=dumb`).
/// - The terminal runs in raw mode: Ctrl-C and Ctrl-\ arrive as keys (`.ctrl("c")`, ...),
///   so the app decides what they do (normally: quit) and no signal handler has to touch the
///   screen. Ctrl-Z suspends here: the screen is put away, the process stops, and `fg` brings
///   the screen back. `kill -INT/-TERM` from outside is handled by ncurses'
///   own handlers, which restore the terminal before the process ends.
/// - `stop()` restores the terminal and is idempotent; an `atexit` hook calls it if the
///   process exits while the screen is up, and a crash (trap, segfault, abort) restores the
///   saved tty modes and leaves the alternate screen before the crash report is printed.
///
/// For example:
/// ```swift
/// let terminal = try NcursesTerminal.start()
/// defer { terminal.stop() }
/// terminal.draw(canvas)
/// ```
@MainActor
final class NcursesTerminal: Terminal {
  /// Why the terminal could not be used.
  enum StartError: Error, CustomStringConvertible {
    /// stdin or stdout is a pipe or a file.
    case notATerminal(stream: String)
    /// `TERM` is not set.
    case termUnset
    /// terminfo has no entry for `TERM`.
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (no `cup` capability), like `TERM=dumb`.
    case cannotPositionCursor(String)

    var description: String {
      switch self {
      case .notATerminal(let stream):
        "Encore needs an interactive terminal, but \(stream) is not one. Run it directly in a terminal window, without pipes or redirection."
      case .termUnset:
        "The TERM environment variable is not set, so Encore cannot drive the screen. Set it, for example: TERM=xterm-256color."
      case .unknownTerminal(let name):
        "Unknown terminal type TERM=\(name): no terminfo entry. Try TERM=xterm-256color."
      case .cannotPositionCursor(let name):
        "The terminal TERM=\(name) cannot position the cursor, which a full-screen app needs. Try TERM=xterm-256color."
      }
    }
  }

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  /// The palette in use (colour, or monochrome under `NO_COLOR` or without colours).
  let palette: Palette
  private var looks: [Role: (attributes: attr_t, pair: Int16)] = [:]
  private(set) var isStopped = false
  /// Decodes what ncurses could not: unknown sequences, pastes, SGR clicks, a lone Esc.
  private var decoder = KeyDecoder()
  private var pending: [TerminalEvent] = []

  /// The codes given to the bracketed-paste marks with `define_key`.
  private static let pasteStart = KEY_MAX + 1
  private static let pasteEnd = KEY_MAX + 2
  /// How long a lone Esc (or a paste) may wait for the bytes that follow it.
  private static let escapeDelay: Int32 = 30
  /// Terminal modes: bracketed paste on and off.
  private static let pasteModeOn = "\u{1B}[?2004h"
  private static let pasteModeOff = "\u{1B}[?2004l"

  /// Starts full-screen mode, or explains why it cannot.
  static func start(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(StartError)
    -> NcursesTerminal
  {
    guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "standard input") }
    guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "standard output") }
    guard let term = environment["TERM"], !term.isEmpty else { throw .termUnset }
    setlocale(LC_ALL, "")
    if encore_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    CrashGuard.saveTerminalModes()
    guard let screen = newterm(nil, encore_stdout(), encore_stdin()) else {
      throw .unknownTerminal(term)
    }
    guard encore_has_cursor_addressing() != 0 else {
      endwin()
      delscreen(screen)
      throw .cannotPositionCursor(term)
    }
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty  // no-color.org: set and not empty
    return NcursesTerminal(screen: screen, colour: !noColour && has_colors())
  }

  private init(screen: OpaquePointer, colour: Bool) {
    self.screen = screen
    self.window = encore_stdscr()
    raw()
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    leaveok(window, true)
    set_escdelay(25)
    curs_set(0)
    define_key("\u{1B}[200~", Self.pasteStart)
    define_key("\u{1B}[201~", Self.pasteEnd)
    encore_enable_mouse()
    Self.send(Self.pasteModeOn)
    var palette = Palette.monochrome
    var defaultColours = false
    if colour, start_color() == OK {
      defaultColours = use_default_colors() == OK
      palette = Palette.colour
    }
    self.palette = palette
    for (index, style) in palette.colourPairs.enumerated() where index + 1 < encore_color_pairs() {
      let foreground =
        style.foreground.rawValue >= 0 || defaultColours ? style.foreground.rawValue : 7
      let background =
        style.background.rawValue >= 0 || defaultColours ? style.background.rawValue : 0
      init_pair(Int16(index + 1), foreground, background)
    }
    looks = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, look(for: $0)) })
    CrashGuard.arm()
  }

  /// The current screen size.
  var size: Size {
    var rows: Int32 = 0
    var columns: Int32 = 0
    encore_getmaxyx(window, &rows, &columns)
    return Size(Int(columns), Int(rows))
  }

  /// Copies `canvas` to the screen; ncurses then sends only the cells that changed.
  func draw(_ canvas: Canvas) {
    guard !isStopped else { return }
    let screenSize = size
    werase(window)
    let rows = min(canvas.size.height, screenSize.height)
    let columns = min(canvas.size.width, screenSize.width)
    var wide: [wchar_t] = Array(repeating: 0, count: 6)
    var cchar = cchar_t()
    for y in 0..<rows {
      for x in 0..<columns {
        guard let cell = canvas.cell(at: Point(x, y)), !cell.isContinuation else { continue }
        var character = cell.character
        if TextWidth.width(of: character) == 2 && x + 1 >= columns { character = " " }
        var count = 0
        for scalar in character.unicodeScalars where count < 5 {
          wide[count] = wchar_t(bitPattern: scalar.value)
          count += 1
        }
        wide[count] = 0
        let look = looks[cell.role] ?? (encore_a_normal(), 0)
        setcchar(&cchar, wide, look.attributes, look.pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cchar)
      }
    }
    wrefresh(window)
  }

  /// Waits at most `timeout` for a key, a paste, a click or a resize (longer only to finish
  /// an escape sequence or a paste already under way). Keys Encore does not use are skipped.
  func nextEvent(timeout: Duration) -> TerminalEvent? {
    guard !isStopped else { return nil }
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while pending.isEmpty {
      let (seconds, attoseconds) = clock.now.duration(to: deadline).components
      let left = max(
        0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
      wtimeout(window, decoder.isPending ? Self.escapeDelay : Int32(left))
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      let input: KeyDecoder.Input?
      if status == ERR {
        guard decoder.isPending else { return nil }
        input = .idle
      } else if status == KEY_CODE_YES {
        input = self.input(forKeyCode: Int32(bitPattern: code))
      } else {
        input = .scalar(UInt32(code))
      }
      for event in input.map({ decoder.feed($0) }) ?? [] {
        pending.append(event == .key(.ctrl("z")) ? suspend() : event)
      }
      if pending.isEmpty && !decoder.isPending && clock.now >= deadline { return nil }
    }
    return pending.removeFirst()
  }

  /// Puts the screen away and stops the process (Ctrl-Z); after `fg`, restores the screen and
  /// reports the size so that the app redraws everything.
  private func suspend() -> TerminalEvent {
    Self.send(Self.pasteModeOff)
    endwin()
    encore_stop_process()
    // Continued (fg): the next refresh puts ncurses' modes back.
    Self.send(Self.pasteModeOn)
    redrawwin(window)
    wrefresh(window)
    return .resize(size)
  }

  private static func send(_ sequence: String) {
    fputs(sequence, encore_stdout())
    fflush(encore_stdout())
  }

  /// Leaves full-screen mode and restores the terminal. Safe to call more than once.
  func stop() {
    guard !isStopped else { return }
    isStopped = true
    CrashGuard.disarm()
    Self.send(Self.pasteModeOff)
    endwin()
    delscreen(screen)
  }

  // MARK: - Keys

  /// A key ncurses decoded by terminfo, as the decoder's input; nil for keys Encore skips.
  private func input(forKeyCode code: Int32) -> KeyDecoder.Input? {
    switch code {
    case KEY_UP: .key(.up)
    case KEY_DOWN: .key(.down)
    case KEY_LEFT: .key(.left)
    case KEY_RIGHT: .key(.right)
    case KEY_HOME: .key(.home)
    case KEY_END: .key(.end)
    case KEY_PPAGE: .key(.pageUp)
    case KEY_NPAGE: .key(.pageDown)
    case KEY_DC: .key(.delete)
    case KEY_BTAB: .key(.backTab)
    case KEY_ENTER: .key(.enter)
    case KEY_BACKSPACE: .key(.backspace)
    case KEY_RESIZE: .resize(size)
    case Self.pasteStart: .pasteStart
    case Self.pasteEnd: .pasteEnd
    case encore_key_mouse(): click()
    case encore_key_f(1)...encore_key_f(24): .key(.function(Int(code - encore_key_f(0))))
    default: nil
    }
  }

  private func click() -> KeyDecoder.Input? {
    var x: Int32 = 0
    var y: Int32 = 0
    guard encore_read_click(&x, &y) != 0 else { return nil }
    return .click(Point(Int(x), Int(y)))
  }

  // MARK: - Styles

  private func look(for role: Role) -> (attributes: attr_t, pair: Int16) {
    let style = palette.style(for: role)
    var attributes = encore_a_normal()
    if style.attributes.contains(.bold) { attributes |= encore_a_bold() }
    if style.attributes.contains(.reverse) { attributes |= encore_a_reverse() }
    if style.attributes.contains(.dim) { attributes |= encore_a_dim() }
    if style.attributes.contains(.underline) { attributes |= encore_a_underline() }
    let colours = Palette.Style(foreground: style.foreground, background: style.background)
    let pair = palette.colourPairs.firstIndex(of: colours).map { Int16($0 + 1) } ?? 0
    return (attributes, pair < encore_color_pairs() ? pair : 0)
  }
}

// MARK: - Crash and exit safety

extension NcursesTerminal {
  /// Restores the terminal if the process crashes or exits while the screen is up.
  ///
  /// Signal handlers can only use async-signal-safe calls, so on a crash it puts back the tty
  /// modes saved before ncurses started (`tcsetattr`) and writes precomputed escape sequences
  /// (leave the alternate screen, show the cursor, reset attributes), then hands the signal to
  /// the handler that was there before (the Swift runtime's crash reporter, or the default).
  fileprivate enum CrashGuard {
    private typealias SignalAction = sigaction
    private static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    // Written on the main actor before the handlers are installed; read only by the handlers.
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var hasSavedModes = false
    nonisolated(unsafe) private static var armed = false
    nonisolated(unsafe) private static var reset: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var previous = [SignalAction](
      repeating: SignalAction(), count: 65)
    nonisolated(unsafe) private static var installed = false

    static func saveTerminalModes() {
      hasSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
    }

    static func arm() {
      var bytes: [UInt8] = []
      for capability in ["rmcup", "cnorm", "sgr0"] {
        guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
        bytes.append(contentsOf: Array(String(cString: value).utf8))
      }
      bytes.append(UInt8(ascii: "\r"))
      bytes.append(UInt8(ascii: "\n"))
      reset?.deallocate()
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
      _ = buffer.initialize(from: bytes)
      reset = buffer
      armed = true
      guard !installed else { return }
      installed = true
      for signal in signals {
        var action = SignalAction()
        action.__sigaction_handler.sa_handler = { signal in
          NcursesTerminal.CrashGuard.handle(signal)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, &previous[Int(signal)])
      }
      atexit { NcursesTerminal.CrashGuard.restoreAtExit() }
    }

    static func disarm() {
      armed = false
    }

    private static func restoreAtExit() {
      guard armed else { return }
      armed = false
      endwin()
    }

    private static func handle(_ signal: Int32) {
      if armed {
        armed = false
        if hasSavedModes { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
        if let reset, let base = reset.baseAddress { write(STDOUT_FILENO, base, reset.count) }
      }
      // Put back the previous handler and hand it the signal (delivered when this returns).
      sigaction(signal, &previous[Int(signal)], nil)
      raise(signal)
    }
  }
}
