import BookingEngine
import Foundation

/// Times as people read them in tables: local time, minutes precision.
enum Times {
  /// `2026-05-12 20:00` in the local time zone.
  static func text(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  /// `20:04:31`, local time.
  static func clock(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: date)
  }

  /// A wait in words: `about 4 min 05 s`, `about 3–5 min`, `not known yet`, `paused …`.
  static func wait(_ estimate: QueueStatus.WaitEstimate) -> String {
    switch estimate {
    case .notKnownYet: "not known yet"
    case .paused: "paused: nobody is let in until the line resumes"
    case .about(let seconds): "about \(duration(seconds))"
    case .between(let low, let high) where high < 120:
      "about \(Int(low / 10) * 10)–\(Int((high / 10).rounded(.up)) * 10) s"
    case .between(let low, let high):
      "about \(Int(low / 60))–\(Int((high / 60).rounded(.up))) min"
    }
  }

  /// `4 min 05 s`, `12 s`.
  static func duration(_ seconds: TimeInterval) -> String {
    let total = max(0, Int(seconds.rounded()))
    if total < 60 { return "\(total) s" }
    if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
    return "\(total / 3600) h \(String(format: "%02d", total % 3600 / 60)) min"
  }
}
