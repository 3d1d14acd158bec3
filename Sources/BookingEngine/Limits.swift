import Foundation

/// The bounds every operator setting is checked against before the engine uses it, so
/// that no duration, count or price can overflow the arithmetic built on it.
///
/// For example:
///
/// ```swift
/// var policy = BookingPolicy()
/// policy.holdDuration = 1e300
/// try policy.validate()  // throws BookingError.invalidPolicy
/// ```
enum Limits {
  /// The longest hold: a day.
  static let holdDuration: ClosedRange<TimeInterval> = 1...86_400
  /// The longest idle turn or waiting grace: thirty days.
  static let queueTimeout: ClosedRange<TimeInterval> = 1...2_592_000
  /// Active places and admissions per minute.
  static let queueCount: ClosedRange<Int> = 0...1_000_000
  /// Seats one user may hold or own on a date.
  static let seatsPerUser: ClosedRange<Int> = 1...10_000
  /// Every amount of money.
  static let amount: ClosedRange<Int64> = 1...Won.limit
  /// Times a catalog may name: 1970 to the end of year 9999.
  static let date: ClosedRange<Date> =
    Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799)

  static func check<Value: Comparable>(
    _ value: Value, in range: ClosedRange<Value>, _ name: String,
    _ error: (String) -> BookingError
  ) throws {
    guard range.contains(value) else {
      throw error(
        "\(name) must be between \(range.lowerBound) and \(range.upperBound) (got \(value)).")
    }
  }
}
