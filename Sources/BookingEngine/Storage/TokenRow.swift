import Foundation
import GRDB

/// A `queue_token` row as the store sees it.
struct TokenRow: Sendable {
  enum State: String, Sendable {
    case waiting, active, used, expired, left
  }

  /// The stored SHA-256 of the token (see ``TokenDigest``): the row's key.
  var token: String
  /// The token itself, as the caller gave it or as it was just issued; never stored.
  var value: TokenValue
  var concertID: ConcertID
  var user: UserID
  var seq: Int64?
  var state: State
  var issuedAt: Int64
  /// While waiting: last heard from. While active: the last booking call (or admission).
  var lastSeenAt: Int64
  var admittedAt: Int64?
  /// The first booking call after admission.
  var claimedAt: Int64?
  var aheadAtJoin: Int

  init(row: Row, value: TokenValue) {
    token = row["token"]
    self.value = value
    concertID = ConcertID(row["concert_id"] as String)
    user = UserID(row["user_id"] as String)
    seq = row["seq"]
    state = State(rawValue: row["state"]) ?? .expired
    issuedAt = row["issued_at"]
    lastSeenAt = row["last_seen_at"]
    admittedAt = row["admitted_at"]
    claimedAt = row["claimed_at"]
    aheadAtJoin = row["ahead_at_join"]
  }

  /// The row of the token `value`, looked up by its digest.
  static func fetch(_ db: Database, token value: String) throws -> TokenRow? {
    let digest = TokenDigest.of(value)
    guard
      let row = try db.fetchRow(
        sql: "SELECT * FROM queue_token WHERE token = ?", arguments: [digest]),
      TokenDigest.matches(row["token"], digest)
    else { return nil }
    return TokenRow(row: row, value: TokenValue(value))
  }

  /// When an active turn ends under `rules`, computed at each check so that a change of
  /// rules reaches turns already running; nil unless active.
  func turnEnds(_ rules: QueuePolicy) -> Int64? {
    guard state == .active, let admittedAt else { return nil }
    let idle =
      claimedAt == nil
      ? admittedAt + rules.claimWindow.millis : lastSeenAt + rules.activeIdleTimeout.millis
    return min(idle, admittedAt + rules.longestTurn.millis)
  }

  /// `turnEnds` in SQL over a `queue_token` row, given (claim window, idle timeout,
  /// longest turn) in milliseconds as parameters ?1, ?2, ?3.
  static let turnEndsSQL = """
    MIN(CASE WHEN claimed_at IS NULL THEN admitted_at + ?1 ELSE last_seen_at + ?2 END,
        admitted_at + ?3)
    """

  var publicToken: QueueToken {
    QueueToken(value: value, user: user, concertID: concertID, issuedAt: Date(millis: issuedAt))
  }
}
