import BookingEngine
import Foundation

/// The waiting room: the user's place in line, big and central, polled every second (up to
/// every 3 s when the engine announces the line's moves, and at once when it does); moves
/// on to the dates by itself once the user is let in. The place is the one kept in the token
/// keeper, so `encore queue status` in a shell sees the same one.
struct WaitingRoomScreen: Screen {
  let concert: Concert
  private var status: QueueStatus?
  private var polledAt: Date?
  private var requestedAt: Date?
  private var isPolling = false
  private var error: String?

  init(concert: Concert) {
    self.concert = concert
  }

  static let pollInterval: TimeInterval = 1
  /// The longest between polls when the engine announces the line's moves: the poll still
  /// keeps the place (a quarter of the grace period, never less than ``pollInterval``) and
  /// shows what time alone changes (the estimate, a rate limit's admissions).
  static let announcedPollInterval: TimeInterval = 3

  /// How long to wait between polls in `context`.
  private func interval(_ context: AppContext) -> TimeInterval {
    guard context.announces, let status else { return Self.pollInterval }
    return min(Self.announcedPollInterval, max(Self.pollInterval, status.placeKeptFor / 4))
  }

  var title: String { concert.title + " · " + concert.venue }

  var hints: [KeyHint] {
    let leave =
      isOutOfLine || error != nil
      ? [KeyHint("Enter", "join again"), KeyHint("Esc", "concerts")]
      : [KeyHint("Esc", "concerts (your place is kept)")]
    return leave + [KeyHint("?", "help"), KeyHint("q", "quit")]
  }

  func status(_ context: AppContext) -> String {
    guard let polledAt else { return "" }
    let ago = max(0, context.now.timeIntervalSince(polledAt))
    return "updated " + String(format: "%.1f", ago) + " s ago"
  }

  /// Whether the token is gone (left, expired, used) and the user must join again.
  private var isOutOfLine: Bool {
    switch status?.state {
    case .left, .expired, .used: true
    default: false
    }
  }

  mutating func appear(_ context: AppContext) -> [Effect] {
    join(context)
  }

  private mutating func join(_ context: AppContext) -> [Effect] {
    isPolling = true
    requestedAt = context.now
    error = nil
    return [.run(.join(concert.id))]
  }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(.escape), .key(.backspace): return [.pop]
    case .key(.enter) where isOutOfLine || error != nil:
      status = nil
      return join(context)
    case .tick:
      if let requestedAt, context.now.timeIntervalSince(requestedAt) < interval(context) {
        return []
      }
      return poll(context)
    case .changed(.line(let id)) where id == concert.id:
      // The line moved: ask now, or as soon as the poll in flight is back.
      guard !isPolling else {
        requestedAt = nil
        return []
      }
      return poll(context)
    case .result(.place(.success(let latest))):
      isPolling = false
      status = latest
      polledAt = context.now
      if latest.isActive {
        return [
          .replace(DatesScreen(concert: concert)),
          .toast("It is your turn: choose a date.", .success),
        ]
      }
    case .result(.place(.failure(.unknownToken))) where status != nil:
      // Another process replaced the kept token: take the place again through the keeper.
      return join(context)
    case .result(.place(.failure(let failure))):
      isPolling = false
      error = failure.description
    default: break
    }
    return []
  }

  private mutating func poll(_ context: AppContext) -> [Effect] {
    guard status != nil, !isPolling, !isOutOfLine else { return [] }
    isPolling = true
    requestedAt = context.now
    return [.run(.place(concert.id))]
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    var view = WaitingRoomView(area: area, canvas: canvas)
    if let error {
      view.message([error, "", "Press Enter to try again, or Esc to go back."], role: .error)
    } else if let status {
      view.draw(status, polledAt: polledAt ?? context.now, context)
    } else {
      view.message(["Joining the line for " + concert.title + "…"], role: .dim)
    }
    canvas = view.canvas
  }
}
