import BookingEngine

/// Finding the caller's token for what a command touches.
extension Session {
  /// The caller for `concert`, from the jar; refuses with "Join the queue first" when the
  /// jar has none (or the database no longer knows it).
  func caller(for concert: ConcertID) async throws -> Caller {
    guard try await engine.concerts().contains(where: { $0.id == concert }) else {
      throw BookingError.unknownConcert(concert)
    }
    guard let token = jar.token(for: concert) else { throw CLIError.notInQueue(concert) }
    return caller(token)
  }

  /// Runs `body` with the caller, dropping a token the database does not know (after
  /// `demo --reset`, say) and asking the user to join again.
  func withCaller<T: Sendable>(
    for concert: ConcertID, _ body: (Caller) async throws -> T
  ) async throws -> T {
    let caller = try await caller(for: concert)
    do {
      return try await body(caller)
    } catch BookingError.unknownToken {
      jar.remove(for: concert)
      throw CLIError.notInQueue(concert)
    }
  }

  /// The seat map of `date`, seen with the caller's token for the date's concert.
  func seatMap(of date: DateID) async throws -> (map: SeatMap, caller: Caller) {
    let concert = try await engine.concertDate(date).concertID
    return try await withCaller(for: concert) { caller in
      (try await engine.seats(on: date, caller), caller)
    }
  }
}
