import GRDB

/// A user's holds that can still be paid: not released, not paid, not run out.
enum LiveHoldStore {
  static func holds(_ db: Database, user: UserID, now: Int64) throws -> [LiveHold] {
    let ids = try Int64.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT h.id FROM hold h
          WHERE h.user_id = ? AND h.released_at IS NULL AND h.expires_at > ?
            AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.hold_id = h.id)
          ORDER BY h.expires_at, h.id
          """), arguments: [user.rawValue, now])
    return try ids.map { id in
      let hold = try HoldStore.owned(db, HoldID(id), user: user).hold
      return LiveHold(
        hold: hold, concert: try CatalogStore.concert(db, hold.concertID),
        date: try CatalogStore.date(db, hold.dateID, now: now))
    }
  }
}
