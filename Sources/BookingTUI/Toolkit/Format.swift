import BookingEngine

/// Locale-independent number and time formatting for the screens.
///
/// For example:
/// ```swift
/// Format.won(1_234_567)          // "1,234,567 won"
/// Format.countdown(seconds: 272) // "4:32"
/// Format.duration(seconds: 128)  // "2 min 08 s"
/// Format.seats(["9", "10"])      // "seats 9 and 10"
/// ```
public enum Format {
  /// An amount of money: `"1,234,567 won"`, `"-5,000 won"` (the engine's `Won.text`).
  public static func won(_ amount: Int64) -> String {
    Won.text(amount)
  }

  /// A whole number with commas between thousands: `"1,284"`.
  public static func grouped(_ number: Int) -> String {
    Won.grouped(number)
  }

  /// A whole number with commas between thousands: `"-1,234,567"`.
  public static func grouped(_ number: Int64) -> String {
    Won.grouped(number)
  }

  /// A countdown clock: `"4:32"`, `"0:05"`, `"1:02:03"`; negative counts show `"0:00"`.
  public static func countdown(seconds: Int) -> String {
    let total = max(0, seconds)
    let (hours, minutes, secs) = (total / 3600, total % 3600 / 60, total % 60)
    if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" }
    return "\(minutes):\(twoDigits(secs))"
  }

  /// A duration in words: `"45 s"`, `"2 min 08 s"`, `"1 h 05 min"`.
  public static func duration(seconds: Int) -> String {
    let total = max(0, seconds)
    let (hours, minutes, secs) = (total / 3600, total % 3600 / 60, total % 60)
    if hours > 0 { return "\(hours) h \(twoDigits(minutes)) min" }
    if minutes > 0 { return "\(minutes) min \(twoDigits(secs)) s" }
    return "\(secs) s"
  }

  /// Seat labels in words: `"seat 9"`, `"seats 9 and 10"`, `"seats 1, 2 and 3"`.
  public static func seats(_ labels: [String]) -> String {
    guard let last = labels.last else { return "no seats" }
    if labels.count == 1 { return "seat " + last }
    return "seats " + labels.dropLast().joined(separator: ", ") + " and " + last
  }

  /// A count of people: `"1 person"`, `"1,284 people"`.
  public static func people(_ count: Int) -> String {
    count == 1 ? "1 person" : grouped(count) + " people"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
