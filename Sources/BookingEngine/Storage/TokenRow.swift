import Foundation
import GRDB

/// A `queue_token` row as the store sees it.
struct TokenRow: Sendable {
  enum State: String, Sendable {
    case waiting, active, used, expired, left
  }

  var token: String
  var concertID: ConcertID
  var user: UserID
  var seq: Int64?
  var state: State
  var issuedAt: Int64
  var lastSeenAt: Int64
  var admittedAt: Int64?
  var activeUntil: Int64?
  var aheadAtJoin: Int

  init(row: Row) {
    token = row["token"]
    concertID = ConcertID(row["concert_id"] as String)
    user = UserID(row["user_id"] as String)
    seq = row["seq"]
    state = State(rawValue: row["state"]) ?? .expired
    issuedAt = row["issued_at"]
    lastSeenAt = row["last_seen_at"]
    admittedAt = row["admitted_at"]
    activeUntil = row["active_until"]
    aheadAtJoin = row["ahead_at_join"]
  }

  static func fetch(_ db: Database, token: String) throws -> TokenRow? {
    try db.fetchRow(
      sql: "SELECT * FROM queue_token WHERE token = ?", arguments: [token]
    ).map(TokenRow.init(row:))
  }

  var publicToken: QueueToken {
    QueueToken(
      value: TokenValue(token), user: user, concertID: concertID, issuedAt: Date(millis: issuedAt))
  }
}
