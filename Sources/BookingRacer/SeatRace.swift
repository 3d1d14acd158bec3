import BookingEngine

/// Holds and pays seats one by one while other processes go for the same seats.
struct SeatRace {
  struct Outcome: Encodable {
    var won: [Int64] = []
    var sharedCharged: Int64 = 0
    var refusals: [String: Int] = [:]
  }

  var path: String
  var user: UserID
  var concert: ConcertID
  var date: DateID
  var seats: [SeatID]
  var charges: Int
  var shared: UserID

  func run() async throws -> Outcome {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.maxSeatsPerUser = 1_000
    let engine = try await BookingEngine.open(database: path, policy: policy)
    var outcome = Outcome()
    for _ in 0..<3 { try await engine.charge(user: user, amount: 1_000_000) }
    for index in 0..<max(seats.count, charges) {
      if index < seats.count {
        // A payment uses the token up: join again for every seat.
        let token = try await engine.issueToken(user: user, concert: concert)
        let caller = Caller(user: user, token: token.value)
        do {
          let hold = try await engine.hold(seats: [seats[index]], on: date, caller)
          _ = try await engine.pay(hold: hold.id, caller)
          outcome.won.append(seats[index].rawValue)
        } catch let error as BookingError {
          outcome.refusals[error.code, default: 0] += 1
        }
      }
      if index < charges {
        try await engine.charge(user: shared, amount: 100)
        outcome.sharedCharged += 100
      }
    }
    return outcome
  }
}
