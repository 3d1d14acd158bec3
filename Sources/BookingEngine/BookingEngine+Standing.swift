// Where a user stands, for screens that show it without an active token.
extension BookingEngine {
  /// The user's holds that can still be paid, soonest to run out first, each with its concert
  /// and date. Needs no token: a user may always see (and pay or release) their own holds.
  ///
  /// For example:
  /// ```swift
  /// for live in try await engine.holds(user: "alice") {
  ///   print(live.concert.title, live.date.startsAt, live.hold.seats.map(\.label))
  /// }
  /// ```
  public func holds(user: UserID) async throws -> [LiveHold] {
    try await store.liveHolds(
      user: try UserName.normalized(user.rawValue), now: clock.now().millis)
  }
}
