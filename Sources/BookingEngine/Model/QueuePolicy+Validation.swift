extension QueuePolicy {
  /// Refuses any rule outside ``Limits`` with ``BookingError/invalidPolicy(_:)``.
  public func validate() throws {
    let invalid = BookingError.invalidPolicy
    try Limits.check(
      activeIdleTimeout, in: Limits.queueTimeout, "The idle timeout (s)", invalid)
    try Limits.check(
      waitingGracePeriod, in: Limits.queueTimeout, "The waiting grace period (s)", invalid)
    try Limits.check(claimWindow, in: Limits.queueTimeout, "The claim window (s)", invalid)
    try Limits.check(longestTurn, in: Limits.queueTimeout, "The longest turn (s)", invalid)
    if let activeCapacity {
      try Limits.check(activeCapacity, in: Limits.queueCount, "The active capacity", invalid)
    }
    if let admissionsPerMinute {
      try Limits.check(
        admissionsPerMinute, in: Limits.queueCount, "The admissions per minute", invalid)
    }
  }
}
