import Foundation
import GRDB

/// The operator list, checked rule changes and the box office on the SQLite file: the
/// check and the change in one IMMEDIATE transaction; the box office on a snapshot,
/// never the write lock.
extension SQLiteStore {
  func operators() async throws -> [Operator] {
    try await database.read { db in try OperatorStore.list(db) }
  }

  func mayAct(_ user: UserID) async throws -> Bool {
    try await database.read { db in try OperatorStore.mayAct(db, user) }
  }

  func addOperator(_ name: UserID, by caller: UserID, now: Int64) async throws {
    try await database.transaction { db in try OperatorStore.add(db, name, by: caller, now: now) }
  }

  func removeOperator(_ name: UserID, by caller: UserID) async throws {
    try await database.transaction { db in try OperatorStore.remove(db, name, by: caller) }
  }

  func change(_ rule: QueueRule, concert: ConcertID, by caller: UserID, context: StoreContext)
    async throws
  {
    try await database.transaction { db in
      try OperatorStore.requireOperator(db, caller)
      guard try CatalogStore.concertExists(db, concert) else {
        throw BookingError.unknownConcert(concert)
      }
      switch try rule.effect(on: QueueStore.policy(db, concert: concert, context: context)) {
      case .paused(let paused):
        try QueueStore.setPaused(db, concert: concert, paused: paused, context: context)
      case .rules(let rules):
        try QueueStore.setPolicy(db, concert: concert, policy: rules, context: context)
      }
    }
  }

  func setQueuePolicy(
    _ policy: QueuePolicy, concert: ConcertID, by caller: UserID, context: StoreContext
  ) async throws {
    try await database.transaction { db in
      try OperatorStore.requireOperator(db, caller)
      guard try CatalogStore.concertExists(db, concert) else {
        throw BookingError.unknownConcert(concert)
      }
      try QueueStore.setPolicy(db, concert: concert, policy: policy, context: context)
    }
  }

  func boxOffice(concert: ConcertID, viewer: UserID, context: StoreContext) async throws
    -> BoxOffice
  {
    try await database.read { db in
      try BoxOfficeStore.read(db, concert: concert, viewer: viewer, context: context)
    }
  }

  func refresh(_ boxOffice: BoxOffice, context: StoreContext) async throws -> BoxOffice {
    try await database.read { db in
      if try BoxOfficeStore.isCurrent(db, boxOffice, now: context.now) { return boxOffice }
      return try BoxOfficeStore.read(
        db, concert: boxOffice.concert.id, viewer: boxOffice.viewer, context: context)
    }
  }
}
