import BookingEngine
import Foundation
import Testing

/// Several OS processes (the `booking-racer` helper) on one database: a file, or one
/// PostgreSQL server.
@Suite struct MultiProcessTests {
  struct Outcome: Decodable {
    var won: [Int64]
    var sharedCharged: Int64
  }

  static var racer: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("booking-racer")
  }

  @Test(arguments: Store.all) func processesRacingForSeatsSellEachOnceAndLoseNoPoints(
    _ store: Store
  ) async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.racer.path),
      "build the helper first: swift build --product booking-racer")
    let path = store.freshDatabase()
    let (setup, observer, date) = try await Self.auroraOnSale(at: path)
    // Thirty free seats of the cheapest tier: everyone can afford all of them.
    let seats = try await setup.seats(on: date.id, observer).seats
      .filter { $0.isAvailable && $0.tier.name == "A" }.prefix(30).map(\.id.rawValue)
    #expect(seats.count == 30)

    let processCount = 4
    let chargesEach = 40
    let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
      for index in 0..<processCount {
        // Half race front to back, half back to front, so they collide.
        let order = index % 2 == 0 ? seats : seats.reversed()
        let arguments = [
          "seats", path, "racer\(index)", "aurora", "\(date.id)",
          order.map(String.init).joined(separator: ","),
          "\(chargesEach)", "shared",
        ]
        group.addTask { try await Self.run(arguments, as: Outcome.self) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }

    let won = outcomes.flatMap(\.won)
    #expect(won.count == seats.count, "every seat sold")
    #expect(Set(won).count == won.count, "no seat sold twice")
    let sold = try await setup.seats(on: date.id, observer).seats.filter {
      seats.contains($0.id.rawValue)
    }
    #expect(sold.allSatisfy { $0.state == .sold })

    for (index, outcome) in outcomes.enumerated() {
      _ = index
      #expect(outcome.sharedCharged == Int64(chargesEach * 100))
    }
    for index in 0..<processCount {
      let user = UserID("racer\(index)")
      let account = try await setup.balance(user: user)
      let bought = try await setup.tickets(user: user).count
      #expect(account.balance == 3_000_000 - Int64(bought) * 70_000)
      #expect(account.balance == account.ledger.reduce(0) { $0 + $1.delta })
    }
    let shared = try await setup.balance(user: "shared")
    #expect(shared.balance == Int64(processCount * chargesEach * 100))
    #expect(shared.ledger.count == processCount * chargesEach)
  }

  @Test(arguments: Store.all) func processesJoiningOneLineGetExactDistinctPlacesInTheirOwnOrder(
    _ store: Store
  ) async throws {
    struct Joined: Decodable {
      var joined: [[String]]
      var left: [String]
    }
    try #require(FileManager.default.isExecutableFile(atPath: Self.racer.path))
    let path = store.freshDatabase()
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let observer = try await BookingEngine.open(database: path, policy: policy)
    try await observer.seedDemoCatalogIfEmpty()

    let outcomes = try await withThrowingTaskGroup(of: Joined.self) { group in
      for index in 0..<4 {
        group.addTask {
          try await Self.run(
            ["queue", path, "garden", "p\(index)", "60", "\(index + 3)"], as: Joined.self)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }

    var positions: [Int] = []
    for outcome in outcomes {
      var previous = 0
      for entry in outcome.joined where !outcome.left.contains(entry[0]) {
        let status = try await observer.queueStatus(
          Caller(user: UserID(entry[0]), token: TokenValue(entry[1])))
        guard case .waiting(let position, _) = status.state else {
          Issue.record("\(entry[0]) is \(status.state)")
          continue
        }
        #expect(position > previous, "a process's own joins keep their order")
        previous = position
        positions.append(position)
        #expect(status.waitingCount == 240 - outcomes.map(\.left.count).reduce(0, +))
      }
    }
    #expect(positions.sorted() == Array(1...positions.count), "every place exactly once")
  }

  /// A new demo file at `path`, an observer let in to aurora, and aurora's first date on sale.
  static func auroraOnSale(at path: String) async throws -> (
    engine: BookingEngine, observer: Caller, date: ConcertDate
  ) {
    let engine = try await BookingEngine.open(database: path)
    try await engine.seedDemoCatalogIfEmpty()
    let token = try await engine.issueToken(user: "observer", concert: "aurora")
    let observer = Caller(user: "observer", token: token.value)
    let date = try #require(
      try await engine.dates(of: "aurora", observer).first { $0.availability == .onSale })
    return (engine, observer, date)
  }

  /// Runs the racer to completion and decodes what it printed.
  ///
  /// It waits on a thread of its own: blocking the shared pool's few threads could starve
  /// this process's own engine, which the racers may be waiting on (a PostgreSQL lock).
  static func run<Outcome: Decodable & Sendable>(_ arguments: [String], as type: Outcome.Type)
    async throws -> Outcome
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try runBlocking(arguments, as: type) })
      }
    }
  }

  private static func runBlocking<Outcome: Decodable>(
    _ arguments: [String], as: Outcome.Type
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = racer
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(
        .executableLoad,
        userInfo: [NSLocalizedDescriptionKey: "racer exited \(process.terminationStatus)"])
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Outcome.self, from: data)
  }
}
