import BookingEngine
import Foundation

/// What every screen may read: who is booking, the time, the current hold, the rules.
struct AppContext: Sendable {
  var user: UserID
  /// The engine clock's time for this event or frame.
  var now: Date
  /// The user's live hold, if any; its countdown is shown in the title bar.
  var hold: Hold?
  var policy: BookingPolicy
  /// The zone dates and clock times are shown in.
  var timeZone: TimeZone

  /// Seconds left on the current hold, rounded up, or nil without a hold.
  var holdSecondsLeft: Int? {
    hold.map { Int($0.remaining(at: now).rounded(.up)) }
  }

  /// Formats dates for this context's zone.
  var dates: DateText { DateText(timeZone: timeZone) }
}
