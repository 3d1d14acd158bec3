import BookingEngine
import Testing

/// Says, as a skipped test, when the contract suites ran on SQLite alone.
@Suite struct PostgresAvailabilityTests {
  @Test(
    .enabled(
      if: Store.postgresURL != nil,
      "PostgreSQL cases skipped: set ENCORE_TEST_POSTGRES_URL and build with --traits PostgreSQL"))
  func theContractSuitesRunOnPostgreSQLToo() {
    #expect(Store.all.count == 2)
  }

  @Test func aServerURLIsRefusedWithASentenceWhenThisBuildHasNoPostgreSQL() async throws {
    guard !BookingEngine.supportsPostgreSQL else { return }
    await expectRefusal(.postgresNotBuilt) {
      try await BookingEngine.open(database: "postgres://encore@127.0.0.1:1/encore")
    }
  }

  @Test func aServerThatIsDownIsNamedInASentenceWithinTheTimeout() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    do {
      _ = try await BookingEngine.open(database: "postgres://encore@127.0.0.1:1/sales")
      Issue.record("opened a server that is not there")
    } catch let error as BookingError {
      guard case .serverUnavailable(let host, let database, _) = error else {
        Issue.record("expected server_unavailable, got \(error)")
        return
      }
      #expect(host == "127.0.0.1:1")
      #expect(database == "sales")
    }
  }

  @Test func aPasswordInTheURLIsRefused() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    do {
      _ = try await BookingEngine.open(database: "postgres://encore:secret@127.0.0.1:1/sales")
      Issue.record("accepted a password on the command line")
    } catch let error as BookingError {
      #expect(!"\(error)".contains("secret"))
      #expect(error.code == "database_unavailable")
    }
  }
}
