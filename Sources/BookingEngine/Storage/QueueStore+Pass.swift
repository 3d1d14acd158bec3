import GRDB

extension QueueStore {
  /// What a hold or a payment needs to know of the caller's token: its stored digest.
  struct Pass {
    var token: String
  }

  /// Checks that `token` is the caller's active token for `concert` and keeps it alive, or
  /// with `use` marks it used: one conditional update when the turn is live, as it is on
  /// every booking call. Anything else (a token to let in, expired, another user's) goes
  /// through ``authorize(_:token:user:concert:context:)``, which says why it is refused.
  static func claim(
    _ db: Database, token: String, user: UserID, concert: ConcertID, use: Bool,
    context: StoreContext
  ) throws -> Pass {
    let digest = TokenDigest.of(token)
    if let (stored, length) = try db.step(
      BookingSQL.claimPass,
      [
        .text(digest), .text(user.rawValue), .int(context.now), .text(concert.rawValue), .bool(use),
      ],
      read: { ($0.text(0), $0.int(1)) }),
      TokenDigest.matches(stored, digest)
    {
      // A turn used up by a payment is one more length for the line's estimate.
      if use { try db.step(BookingSQL.recordTurnLength, [.text(concert.rawValue), .int(length)]) }
      return Pass(token: stored)
    }
    let row = try authorize(db, token: token, user: user, concert: concert, context: context)
    if use { try markUsed(db, token: row.token) }
    return Pass(token: row.token)
  }
}
