import BookingEngine
import Foundation

/// What every screen may read: who is booking, the time, the user's holds, the rules.
struct AppContext: Sendable {
  var user: UserID
  /// The engine clock's time for this event or frame.
  var now: Date
  /// The user's live holds as the engine last reported them, soonest to run out first.
  var holds: [LiveHold]
  var policy: BookingPolicy
  /// The zone dates and clock times are shown in.
  var timeZone: TimeZone
  /// Whether the engine announces others' changes (see ``ScreenEvent/changed(_:)``).
  var announces = false

  /// The user's hold on `date`, if any.
  func hold(on date: DateID) -> LiveHold? {
    holds.first { $0.hold.dateID == date }
  }

  /// The hold that runs out first, whose countdown the title bar shows.
  var soonestHold: LiveHold? { holds.first }

  /// Seconds left on `hold`, rounded up.
  func secondsLeft(_ hold: Hold) -> Int {
    Int(hold.remaining(at: now).rounded(.up))
  }

  /// Formats dates for this context's zone.
  var dates: DateText { DateText(timeZone: timeZone) }
}
