import BookingEngine
import Foundation
import Testing

/// A seeded engine on a fixed clock, and helpers to get callers through the line.
struct TestBed {
  static let start = Date(timeIntervalSince1970: 1_796_112_000)  // 2026-12-01 08:00 UTC

  let engine: BookingEngine
  let clock: ManualClock
  /// What the engine opened, for another engine on the same database: a file path, a
  /// server URL, or `:memory:` (private to the engine).
  let database: String

  /// An in-memory engine (or one on a temporary file) seeded with the demo catalog.
  init(policy: BookingPolicy = BookingPolicy(), onDisk: Bool = false) async throws {
    try await self.init(.sqlite, policy: policy, onDisk: onDisk)
  }

  /// An engine on a new database of `store` (for SQLite in memory unless `onDisk`),
  /// seeded with the demo catalog.
  init(_ store: Store, policy: BookingPolicy = BookingPolicy(), onDisk: Bool = false)
    async throws
  {
    let clock = ManualClock(Self.start)
    switch store.kind {
    case .sqlite:
      database = onDisk ? Self.temporaryPath() : ":memory:"
      engine =
        onDisk
        ? try BookingEngine.open(path: database, policy: policy, clock: clock)
        : try BookingEngine.inMemory(policy: policy, clock: clock)
    case .postgres:
      database = store.freshDatabase()
      engine = try await BookingEngine.open(database: database, policy: policy, clock: clock)
    }
    self.clock = clock
    try await engine.seedDemoCatalogIfEmpty()
  }

  static func temporaryPath() -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "encore-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("encore.sqlite").path
  }

  /// Joins the line and returns the caller, let in or not.
  func joined(_ user: UserID, to concert: ConcertID = "garden") async throws -> Caller {
    Caller(user: user, token: try await engine.issueToken(user: user, concert: concert).value)
  }

  /// Joins the line and returns a caller whose token is active.
  func admitted(_ user: UserID, to concert: ConcertID = "garden") async throws -> Caller {
    let caller = try await joined(user, to: concert)
    let status = try await engine.queueStatus(caller)
    #expect(status.isActive, "\(user) should be admitted at once, is \(status.state)")
    return caller
  }

  /// The first date of a concert that is on sale.
  func onSaleDate(of concert: ConcertID = "garden", _ caller: Caller) async throws -> ConcertDate {
    try #require(try await engine.dates(of: concert, caller).first { $0.availability == .onSale })
  }

  /// Seat ids for labels on a date.
  func seats(_ labels: [String], on date: DateID, _ caller: Caller) async throws -> [SeatID] {
    let map = try await engine.seats(on: date, caller)
    return try labels.map { try #require(map.seat(labelled: $0)?.id) }
  }

  /// Asserts that a balance equals the sum of its ledger.
  func expectBalanceMatchesLedger(_ user: UserID) async throws {
    let account = try await engine.balance(user: user)
    #expect(account.balance == account.ledger.reduce(0) { $0 + $1.delta })
    #expect(account.ledger.last?.balanceAfter ?? 0 == account.balance)
  }
}

/// Expects `body` to throw exactly `expected`.
func expectRefusal<T>(
  _ expected: BookingError, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> T
) async {
  do {
    _ = try await body()
    Issue.record("expected \(expected.code), but it succeeded", sourceLocation: sourceLocation)
  } catch let error as BookingError {
    #expect(error == expected, sourceLocation: sourceLocation)
  } catch {
    Issue.record("expected \(expected.code), got \(error)", sourceLocation: sourceLocation)
  }
}

/// A store the contract tests run against: SQLite always; PostgreSQL too when
/// `ENCORE_TEST_POSTGRES_URL` names a server and Encore was built with `--traits PostgreSQL`
/// (``PostgresAvailabilityTests`` shows as skipped otherwise).
struct Store: Sendable, CustomTestStringConvertible {
  enum Kind: Sendable {
    case sqlite
    case postgres(url: String)
  }

  let kind: Kind

  var testDescription: String {
    switch kind {
    case .sqlite: "SQLite"
    case .postgres: "PostgreSQL"
    }
  }

  static let sqlite = Store(kind: .sqlite)

  /// The server to test on, if there is one and this build can use it.
  static var postgresURL: String? {
    guard BookingEngine.supportsPostgreSQL,
      let url = ProcessInfo.processInfo.environment["ENCORE_TEST_POSTGRES_URL"], !url.isEmpty
    else { return nil }
    return url
  }

  /// Every store available to this run.
  static let all: [Store] =
    [.sqlite] + (postgresURL.map { [Store(kind: .postgres(url: $0))] } ?? [])

  /// A new, empty database: a temporary file, or a schema of its own on the server (so
  /// tests running at once never see each other's rows).
  func freshDatabase() -> String {
    switch kind {
    case .sqlite:
      return TestBed.temporaryPath()
    case .postgres(let url):
      let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
  }
}
