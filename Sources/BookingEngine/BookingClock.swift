import Foundation
import Synchronization

/// Where the engine gets the time, so tests can move it instead of sleeping.
public protocol BookingClock: Sendable {
  func now() -> Date
}

/// The wall clock.
public struct SystemClock: BookingClock {
  public init() {}
  public func now() -> Date { Date() }
}

/// A clock that stands still until told to move: for tests and golden screens.
///
/// For example:
///
/// ```swift
/// let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
/// clock.advance(by: 301)  // a 5-minute hold has now expired
/// ```
public final class ManualClock: BookingClock {
  private let current: Mutex<Date>

  public init(_ start: Date) { current = Mutex(start) }

  public func now() -> Date { current.withLock { $0 } }

  public func advance(by seconds: TimeInterval) {
    current.withLock { $0 += seconds }
  }

  public func set(_ date: Date) {
    current.withLock { $0 = date }
  }
}
