/// An in-memory terminal for tests: queue keys, run the app, read the last frame as text.
///
/// For example:
/// ```swift
/// let terminal = VirtualTerminal(size: Size(80, 24))
/// terminal.send(.down, .enter)
/// terminal.send(text: "50000")
/// terminal.send(raw: "\u{1B}[200~q?\u{1B}[201~")  // one paste event
/// // run the app loop, then:
/// #expect(terminal.screenText.contains("50,000 won"))
/// ```
@MainActor
public final class VirtualTerminal: Terminal {
  /// The current size; changed by `resize(to:)`.
  public private(set) var size: Size
  /// The canvas most recently drawn.
  public private(set) var lastFrame: Canvas?
  /// How many times `draw` was called.
  public private(set) var framesDrawn = 0
  private var queue: [TerminalEvent] = []
  private var decoder = KeyDecoder()

  /// Creates a virtual terminal of `size` with no pending events.
  public init(size: Size = Size(80, 24)) {
    self.size = size
  }

  /// The last frame as text, rows joined by newlines, trailing spaces trimmed.
  public var screenText: String { lastFrame?.text ?? "" }

  /// The number of events not yet read.
  public var pendingEventCount: Int { queue.count }

  /// Queues key presses.
  public func send(_ keys: Key...) {
    queue.append(contentsOf: keys.map(TerminalEvent.key))
  }

  /// Queues one `.character` key per character of `text`.
  public func send(text: String) {
    queue.append(contentsOf: text.map { TerminalEvent.key(.character($0)) })
  }

  /// Queues what a terminal would send for `bytes` (escape sequences, bracketed pastes,
  /// control codes), decoded by a `KeyDecoder` as the real terminal's are, then a quiet spell.
  public func send(raw bytes: String) {
    queue.append(contentsOf: decoder.feed(text: bytes))
  }

  /// Queues a pasted text as one event.
  public func send(paste text: String) {
    queue.append(.paste(text))
  }

  /// Queues a left click on a cell.
  public func click(at point: Point) {
    queue.append(.mouse(point))
  }

  /// Changes the size at once and queues a `.resize` event.
  public func resize(to newSize: Size) {
    size = newSize
    queue.append(.resize(newSize))
  }

  /// Records `canvas` as the last frame.
  public func draw(_ canvas: Canvas) {
    lastFrame = canvas
    framesDrawn += 1
  }

  /// Pops the next queued event at once, or returns `nil` when the queue is empty; never waits.
  public func nextEvent(timeout: Duration) -> TerminalEvent? {
    queue.isEmpty ? nil : queue.removeFirst()
  }
}
