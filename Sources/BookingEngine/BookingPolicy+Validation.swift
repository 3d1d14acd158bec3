extension BookingPolicy {
  /// Refuses any setting outside ``Limits`` with ``BookingError/invalidPolicy(_:)``.
  public func validate() throws {
    let invalid = BookingError.invalidPolicy
    try Limits.check(holdDuration, in: Limits.holdDuration, "The hold duration (s)", invalid)
    try QueuePolicy(self).validate()
    try Limits.check(maxSeatsPerUser, in: Limits.seatsPerUser, "The seats per user", invalid)
    try Limits.check(maxBalance, in: Limits.amount, "The largest balance (won)", invalid)
    try Limits.check(maxCharge, in: 1...maxBalance, "The largest charge (won)", invalid)
  }
}
