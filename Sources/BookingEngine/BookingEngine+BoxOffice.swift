import Foundation

// The operator's side: the operator list, rule changes that check it, and the box office.
// Who may act is ``OperatorRules``'; each store keeps the list and reads the picture.
extension BookingEngine {
  // MARK: - Operators

  /// The names allowed to change how a sale runs, oldest first.
  ///
  /// The database's permissions are the trust boundary: whoever can write it names the
  /// first operator; after that only an operator adds or removes names. While the list is
  /// empty, anyone who can write the database may change a sale (as before there was a
  /// list).
  public func operators() async throws -> [Operator] {
    try await store.operators()
  }

  /// Whether `user` may change how a sale runs now: they are on the operator list, or
  /// the list is empty.
  public func mayAct(_ user: UserID) async throws -> Bool {
    try await store.mayAct(try UserName.normalized(user.rawValue))
  }

  /// Puts `name` on the operator list. The first name may be added by anyone who can
  /// write the database; later ones only by an operator (`caller`). Adding a name already
  /// there changes nothing.
  ///
  /// For example:
  ///
  /// ```swift
  /// try await engine.addOperator("olga", by: "olga")  // the first operator
  /// try await engine.addOperator("omar", by: "olga")
  /// ```
  public func addOperator(_ name: UserID, by caller: UserID) async throws {
    try await store.addOperator(
      try UserName.normalized(name.rawValue), by: try UserName.normalized(caller.rawValue),
      now: clock.now().millis)
  }

  /// Takes `name` off the operator list; `caller` must be an operator. Removing the last
  /// name opens the sale to whoever can write the database again.
  public func removeOperator(_ name: UserID, by caller: UserID) async throws {
    try await store.removeOperator(
      try UserName.normalized(name.rawValue), by: try UserName.normalized(caller.rawValue))
  }

  // MARK: - Rule changes, checked

  /// Changes one switch of a concert's line, leaving every other rule as the database
  /// holds it. `caller` must be an operator (see ``operators()``); otherwise nothing
  /// changes and ``BookingError/notAnOperator(_:)`` says why.
  public func change(_ rule: QueueRule, concert: ConcertID, by caller: UserID) async throws {
    try await store.change(
      rule, concert: concert, by: try UserName.normalized(caller.rawValue), context: context)
  }

  /// ``setQueuePolicy(_:concert:)`` for `caller`, who must be an operator.
  public func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID, by caller: UserID)
    async throws
  {
    try policy.validate()
    try await store.setQueuePolicy(
      policy, concert: concert, by: try UserName.normalized(caller.rawValue), context: context)
  }

  // MARK: - The box office

  /// An operator's picture of `concert`'s sale as `viewer` sees it: read on a snapshot,
  /// without locks that make buyers wait, and without letting anyone in.
  public func boxOffice(concert: ConcertID, viewer: UserID) async throws -> BoxOffice {
    try await store.boxOffice(
      concert: concert, viewer: try UserName.normalized(viewer.rawValue), context: context)
  }

  /// Brings a box office up to date, on a snapshot without locks that make buyers wait:
  /// one small statement when nothing changed (the picture comes back as it was), the
  /// whole read when something did or time moved something shown.
  ///
  /// For example:
  ///
  /// ```swift
  /// var view = try await engine.boxOffice(concert: "aurora", viewer: "olga")
  /// view = try await engine.refresh(view)  // every few hundred milliseconds
  /// ```
  public func refresh(_ boxOffice: BoxOffice) async throws -> BoxOffice {
    try await store.refresh(boxOffice, context: context)
  }
}
