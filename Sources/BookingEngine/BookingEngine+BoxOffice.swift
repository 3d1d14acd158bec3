import Foundation
import GRDB

// The operator's side: the operator list, rule changes that check it, and the box office.
extension BookingEngine {
  // MARK: - Operators

  /// The names allowed to change how a sale runs, oldest first.
  ///
  /// The database file's permissions are the trust boundary: whoever can write the file
  /// names the first operator; after that only an operator adds or removes names. While
  /// the list is empty, anyone who can write the file may change a sale (as before there
  /// was a list).
  public func operators() async throws -> [Operator] {
    try await database.read { db in try OperatorStore.list(db) }
  }

  /// Whether `user` may change how a sale runs now: they are on the operator list, or
  /// the list is empty.
  public func mayAct(_ user: UserID) async throws -> Bool {
    let user = try UserName.normalized(user.rawValue)
    return try await database.read { db in try OperatorStore.mayAct(db, user) }
  }

  /// Puts `name` on the operator list. The first name may be added by anyone who can
  /// write the file; later ones only by an operator (`caller`). Adding a name already
  /// there changes nothing.
  ///
  /// For example:
  ///
  /// ```swift
  /// try await engine.addOperator("olga", by: "olga")  // the first operator
  /// try await engine.addOperator("omar", by: "olga")
  /// ```
  public func addOperator(_ name: UserID, by caller: UserID) async throws {
    let (name, caller) = (
      try UserName.normalized(name.rawValue), try UserName.normalized(caller.rawValue)
    )
    try await inTransaction { db, context in
      try OperatorStore.add(db, name, by: caller, now: context.now)
    }
  }

  /// Takes `name` off the operator list; `caller` must be an operator. Removing the last
  /// name opens the sale to whoever can write the file again.
  public func removeOperator(_ name: UserID, by caller: UserID) async throws {
    let (name, caller) = (
      try UserName.normalized(name.rawValue), try UserName.normalized(caller.rawValue)
    )
    try await inTransaction { db, _ in try OperatorStore.remove(db, name, by: caller) }
  }

  // MARK: - Rule changes, checked

  /// Changes one switch of a concert's line, leaving every other rule as the database
  /// holds it. `caller` must be an operator (see ``operators()``); otherwise nothing
  /// changes and ``BookingError/notAnOperator(_:)`` says why.
  public func change(_ rule: QueueRule, concert: ConcertID, by caller: UserID) async throws {
    let caller = try UserName.normalized(caller.rawValue)
    try await inTransaction { db, context in
      try OperatorStore.requireOperator(db, caller)
      guard try CatalogStore.concertExists(db, concert) else {
        throw BookingError.unknownConcert(concert)
      }
      if case .paused(let paused) = rule {
        return try QueueStore.setPaused(db, concert: concert, paused: paused, context: context)
      }
      let rules = rule.applied(to: try QueueStore.policy(db, concert: concert, context: context))
      try rules.validate()
      try QueueStore.setPolicy(db, concert: concert, policy: rules, context: context)
    }
  }

  /// ``setQueuePolicy(_:concert:)`` for `caller`, who must be an operator.
  public func setQueuePolicy(_ policy: QueuePolicy, concert: ConcertID, by caller: UserID)
    async throws
  {
    try policy.validate()
    let caller = try UserName.normalized(caller.rawValue)
    try await inTransaction { db, context in
      try OperatorStore.requireOperator(db, caller)
      guard try CatalogStore.concertExists(db, concert) else {
        throw BookingError.unknownConcert(concert)
      }
      try QueueStore.setPolicy(db, concert: concert, policy: policy, context: context)
    }
  }

  // MARK: - The box office

  /// An operator's picture of `concert`'s sale as `viewer` sees it: read on a snapshot,
  /// without the write lock, and without letting anyone in.
  public func boxOffice(concert: ConcertID, viewer: UserID) async throws -> BoxOffice {
    let viewer = try UserName.normalized(viewer.rawValue)
    return try await inSnapshot { db, context in
      try BoxOfficeStore.read(db, concert: concert, viewer: viewer, context: context)
    }
  }

  /// Brings a box office up to date, on a snapshot without the write lock: one small
  /// statement when nothing changed (the picture comes back as it was), the whole read
  /// when something did or time moved something shown.
  ///
  /// For example:
  ///
  /// ```swift
  /// var view = try await engine.boxOffice(concert: "aurora", viewer: "olga")
  /// view = try await engine.refresh(view)  // every few hundred milliseconds
  /// ```
  public func refresh(_ boxOffice: BoxOffice) async throws -> BoxOffice {
    try await inSnapshot { db, context in
      if try BoxOfficeStore.isCurrent(db, boxOffice, now: context.now) { return boxOffice }
      return try BoxOfficeStore.read(
        db, concert: boxOffice.concert.id, viewer: boxOffice.viewer, context: context)
    }
  }
}
