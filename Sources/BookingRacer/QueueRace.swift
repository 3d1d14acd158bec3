import BookingEngine

/// Joins a line user after user while other processes join the same line.
struct QueueRace {
  struct Outcome: Encodable {
    /// Every user who joined, in the order this process joined them, with their token.
    var joined: [[String]] = []
    var left: [String] = []
  }

  var path: String
  var concert: ConcertID
  var prefix: String
  var count: Int
  var leaveEvery: Int

  func run() async throws -> Outcome {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let engine = try await BookingEngine.open(database: path, policy: policy)
    var outcome = Outcome()
    for index in 0..<count {
      let user = UserID("\(prefix)-\(index)")
      let token = try await engine.issueToken(user: user, concert: concert)
      outcome.joined.append([user.rawValue, token.value.rawValue])
      if leaveEvery > 0 && index % leaveEvery == leaveEvery - 1 {
        try await engine.leaveQueue(Caller(user: user, token: token.value))
        outcome.left.append(user.rawValue)
      }
    }
    return outcome
  }
}
