import BookingEngine
import Foundation
import Testing

/// Real concurrency in one process: many tasks over several engines (connection pools)
/// on one database (a file, or a PostgreSQL server).
@Suite struct ConcurrencyTests {
  static func engines(_ count: Int, path: String, policy: BookingPolicy) async throws
    -> [BookingEngine]
  {
    var engines: [BookingEngine] = []
    for _ in 0..<count {
      engines.append(try await BookingEngine.open(database: path, policy: policy))
    }
    return engines
  }

  static var openPolicy: BookingPolicy {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    return policy
  }

  @Test(arguments: Store.all) func aHundredTasksHoldingOneSeatHaveExactlyOneWinner(_ store: Store)
    async throws
  {
    let path = store.freshDatabase()
    let engines = try await Self.engines(4, path: path, policy: Self.openPolicy)
    try await engines[0].seedDemoCatalogIfEmpty()
    var callers: [Caller] = []
    for index in 0..<100 {
      let user = UserID("racer\(index)")
      let token = try await engines[index % 4].issueToken(user: user, concert: "garden")
      callers.append(Caller(user: user, token: token.value))
    }
    let date = try #require(
      try await engines[0].dates(of: "garden", callers[0]).first { $0.availability == .onSale })
    let seat = try #require(
      try await engines[0].seats(on: date.id, callers[0]).seat(labelled: "25"))

    let winners = try await withThrowingTaskGroup(of: UserID?.self) { group in
      for (index, caller) in callers.enumerated() {
        group.addTask {
          do {
            return try await engines[index % 4].hold(seats: [seat.id], on: date.id, caller).user
          } catch BookingError.seatTaken {
            return nil
          }
        }
      }
      return try await group.reduce(into: [UserID]()) { if let user = $1 { $0.append(user) } }
    }
    #expect(winners.count == 1)
    let view = try await engines[1].seats(on: date.id, callers[0])
    let state = view.seat(labelled: "25")?.state
    #expect(state == (winners.first == callers[0].user ? .heldByYou : .held))
  }

  @Test(arguments: Store.all) func fiveConcurrentPaymentsOfOneHoldChargeOnce(_ store: Store)
    async throws
  {
    let path = store.freshDatabase()
    let engines = try await Self.engines(5, path: path, policy: Self.openPolicy)
    try await engines[0].seedDemoCatalogIfEmpty()
    let token = try await engines[0].issueToken(user: "alice", concert: "garden")
    let alice = Caller(user: "alice", token: token.value)
    try await engines[0].charge(user: "alice", amount: 1_000_000)
    let date = try #require(
      try await engines[0].dates(of: "garden", alice).first { $0.availability == .onSale })
    let seat = try #require(try await engines[0].seats(on: date.id, alice).seat(labelled: "1"))
    let hold = try await engines[0].hold(seats: [seat.id], on: date.id, alice)

    let payments = try await withThrowingTaskGroup(of: Payment.self) { group in
      for engine in engines { group.addTask { try await engine.pay(hold: hold.id, alice) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(payments.count == 5)
    #expect(Set(payments.map(\.id)).count == 1)
    let account = try await engines[2].balance(user: "alice")
    #expect(account.balance == 850_000)
    #expect(account.ledger.count == 2)
  }

  @Test(arguments: Store.all) func aThousandConcurrentChargesLoseNothing(_ store: Store)
    async throws
  {
    let path = store.freshDatabase()
    let engines = try await Self.engines(4, path: path, policy: Self.openPolicy)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<1_000 {
        group.addTask {
          _ = try await engines[index % 4].charge(user: "alice", amount: Int64(index % 7 + 1))
        }
      }
      try await group.waitForAll()
    }
    let expected = (0..<1_000).reduce(Int64(0)) { $0 + Int64($1 % 7 + 1) }
    let account = try await engines[3].balance(user: "alice")
    #expect(account.balance == expected)
    #expect(account.ledger.count == 1_000)
    #expect(account.ledger.reduce(0) { $0 + $1.delta } == expected)
  }
}
