import BookingEngine

/// Where the user's queue tokens are kept, one per concert: the command line's token jar in
/// the real program, so the app and every `encore` command share one place in line.
///
/// The keeper is the shared memory; the engine is the judge. A kept token the engine no longer
/// knows is replaced by a freshly issued one (see `join(_:user:engine:)`).
public protocol TokenKeeper: Sendable {
  /// The kept token for `concert`, if any.
  func token(for concert: ConcertID) -> TokenValue?
  /// Keeps `token` as the one for `concert`, replacing any earlier one.
  func store(_ token: TokenValue, for concert: ConcertID) throws
  /// Forgets the token for `concert`.
  func remove(for concert: ConcertID)
}
