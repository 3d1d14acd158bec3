import BookingEngine

extension TokenKeeper {
  /// The user's place in line for `concert`: the kept one while it is still in line (waiting
  /// or admitted), else a new place at the back, which is kept for next time.
  ///
  /// For example:
  /// ```swift
  /// let status = try await jar.join("garden", user: "alice", engine: engine)
  /// ```
  public func join(_ concert: ConcertID, user: UserID, engine: BookingEngine) async throws
    -> QueueStatus
  {
    if let kept = try await place(in: concert, user: user, engine: engine), kept.isInLine {
      return kept
    }
    // Issuing returns the live place if the user has one (with a new token value once tokens
    // are stored hashed), or a new place at the back.
    let issued = try await engine.issueToken(user: user, concert: concert)
    try store(issued.value, for: concert)
    return try await engine.queueStatus(Caller(user: user, token: issued.value))
  }

  /// Where the kept token for `concert` stands, whatever its state; nil when nothing is kept
  /// or the engine does not know the kept token (another process may have replaced it).
  public func place(in concert: ConcertID, user: UserID, engine: BookingEngine) async throws
    -> QueueStatus?
  {
    guard let kept = token(for: concert) else { return nil }
    do {
      return try await engine.queueStatus(Caller(user: user, token: kept))
    } catch BookingError.unknownToken, BookingError.tokenOfAnotherUser {
      return nil
    }
  }

  /// The caller for `concert` with the kept token; refuses as an unknown token when none is kept.
  func caller(for concert: ConcertID, user: UserID) throws(BookingError) -> Caller {
    guard let token = token(for: concert) else { throw .unknownToken }
    return Caller(user: user, token: token)
  }
}

extension QueueStatus {
  /// Whether this place still counts: waiting, before opening, or admitted.
  public var isInLine: Bool {
    switch state {
    case .beforeOpening, .waiting, .active: true
    case .used, .expired, .left: false
    }
  }
}
