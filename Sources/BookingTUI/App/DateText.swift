import Foundation

/// English, locale-independent date and time text: "Sat 12 Dec 19:00", "18:42:07".
struct DateText: Sendable {
  var timeZone: TimeZone

  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  private func parts(_ date: Date) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.dateComponents(
      [.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
  }

  /// "Sat 12 Dec 19:00".
  func dayAndTime(_ date: Date) -> String {
    let p = parts(date)
    let weekday = Self.weekdays[((p.weekday ?? 1) - 1) % 7]
    let month = Self.months[((p.month ?? 1) - 1) % 12]
    return "\(weekday) \(p.day ?? 1) \(month) \(two(p.hour)):\(two(p.minute))"
  }

  /// "Sat 12 Dec 2026 19:00".
  func dayYearAndTime(_ date: Date) -> String {
    let p = parts(date)
    let weekday = Self.weekdays[((p.weekday ?? 1) - 1) % 7]
    let month = Self.months[((p.month ?? 1) - 1) % 12]
    return "\(weekday) \(p.day ?? 1) \(month) \(p.year ?? 0) \(two(p.hour)):\(two(p.minute))"
  }

  /// "18:42:07".
  func clock(_ date: Date) -> String {
    let p = parts(date)
    return "\(two(p.hour)):\(two(p.minute)):\(two(p.second))"
  }

  private func two(_ value: Int?) -> String {
    let v = value ?? 0
    return v < 10 ? "0\(v)" : "\(v)"
  }
}
