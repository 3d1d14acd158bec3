extension TokenRow {
  /// A token row from plain values, for stores that do not read it through GRDB.
  init(
    token: String, value: TokenValue, concertID: ConcertID, user: UserID, seq: Int64?,
    state: State, issuedAt: Int64, lastSeenAt: Int64, admittedAt: Int64?, claimedAt: Int64?,
    aheadAtJoin: Int
  ) {
    self.token = token
    self.value = value
    self.concertID = concertID
    self.user = user
    self.seq = seq
    self.state = state
    self.issuedAt = issuedAt
    self.lastSeenAt = lastSeenAt
    self.admittedAt = admittedAt
    self.claimedAt = claimedAt
    self.aheadAtJoin = aheadAtJoin
  }
}
