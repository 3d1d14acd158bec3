#if PostgreSQL
  import NIOCore
  import PostgresNIO

  /// The text of a statement the server parses and plans once per connection.
  protocol PostgresStatementText {
    static var sql: String { get }
  }

  /// A prepared statement of text `Text` with its values bound: postgres-nio sends its
  /// `Parse` the first time a connection runs it and only `Bind`/`Execute` after.
  struct Prepared<Text: PostgresStatementText>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var sql: String { Text.sql }
    static var name: String { "encore.\(Text.self)" }

    var bindings = PostgresBindings()

    init(_ text: Text.Type, _ bind: (inout PostgresBindings) throws -> Void) rethrows {
      try bind(&bindings)
    }

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
  }

  /// The statements of a hold and a payment (``PostgresBookingSQL``) and the transaction's
  /// own two, as prepared statements.
  enum PostgresStatement {
    enum Begin: PostgresStatementText { static let sql = "BEGIN" }
    enum Commit: PostgresStatementText { static let sql = "COMMIT" }
    enum KeepTurnForDate: PostgresStatementText {
      static let sql = PostgresBookingSQL.keepTurnForDate
    }
    enum SeatsToHold: PostgresStatementText { static let sql = PostgresBookingSQL.seatsToHold }
    enum TakeSeats: PostgresStatementText { static let sql = PostgresBookingSQL.takeSeats }
    enum LockHold: PostgresStatementText { static let sql = PostgresBookingSQL.lockHold }
    enum HoldRecord: PostgresStatementText { static let sql = PostgresBookingSQL.holdRecord }
    enum UseTurn: PostgresStatementText { static let sql = PostgresBookingSQL.useTurn }
    enum PayWrite: PostgresStatementText { static let sql = PostgresBookingSQL.payWrite }
  }

  extension PostgresConnection {
    /// Every row of prepared `statement`.
    func rows<Text>(_ statement: Prepared<Text>) async throws -> [PostgresRow] {
      var rows: [PostgresRow] = []
      for try await row in try await execute(statement, logger: PostgresStore.logger) {
        rows.append(row)
      }
      return rows
    }

    /// The first row of prepared `statement`, decoded as `columns`, or nil when it
    /// returns none.
    func firstRow<Text, each Column: PostgresDecodable>(
      _ statement: Prepared<Text>, as columns: (repeat each Column).Type
    ) async throws -> (repeat each Column)? {
      for try await row in try await execute(statement, logger: PostgresStore.logger) {
        return try row.decode(columns)
      }
      return nil
    }

    /// Runs prepared `statement` and counts the rows it returns.
    @discardableResult
    func perform<Text>(_ statement: Prepared<Text>) async throws -> Int {
      var count = 0
      for try await _ in try await execute(statement, logger: PostgresStore.logger) { count += 1 }
      return count
    }
  }

  /// Runs a transaction's Swift code on its connection's event loop: the loop that reads
  /// each answer from the socket resumes the code at once, rather than waking a thread
  /// of Swift's pool for every statement (on a busy machine each wake-up is a wait).
  final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
  }
#endif
