#if PostgreSQL
  import Foundation
  import Logging
  import NIOCore
  import PostgresNIO
  import Synchronization

  /// The shared store: one PostgreSQL database that every `encore` on every machine
  /// points at. The database decides who gets a seat: conditional updates whose returned
  /// rows are counted, the line's row locked (`FOR UPDATE`) while the line changes, and a
  /// transaction the server aborts as a serialization failure or deadlock run again, a
  /// bounded number of times.
  final class PostgresStore: BookingStore {
    let server: DatabaseLocation.Server
    let client: PostgresClient
    /// What is known from announcements (see ``PostgresListener``).
    let listener = PostgresListener()
    private let running: Task<Void, Never>
    /// The listener's connection, made on the first refresh or subscription: a one-shot
    /// command never opens it.
    private let listenConfiguration: PostgresConnection.Configuration
    private let listening = Mutex<Task<Void, Never>?>(nil)

    /// postgres-nio logs nothing here: a query's text never reaches a log, and there is no
    /// password in it to leak.
    static let logger = Logger(label: "encore.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// How many times a transaction the server aborted for a conflict is run again.
    static let conflictRetries = 8

    var location: String { server.description }

    private init(
      server: DatabaseLocation.Server, client: PostgresClient,
      listen: PostgresConnection.Configuration
    ) {
      self.server = server
      self.client = client
      listenConfiguration = listen
      running = Task { await client.run() }
    }

    deinit {
      running.cancel()
      listening.withLock { $0?.cancel() }
    }

    /// Starts the listener if it is not running and the URL allows it.
    func startListening() {
      guard server.listens else { return }
      listening.withLock { task in
        guard task == nil else { return }
        task = Task { [listener, listenConfiguration] in await listener.run(listenConfiguration) }
      }
    }

    /// Nil with `?listen=off`: nothing is announced, so views keep polling as often as before.
    func changes() -> AsyncStream<BookingChange>? {
      guard server.listens else { return nil }
      startListening()
      return listener.changes()
    }

    /// Connects to `server` (a first connection that fails says why within the connect
    /// timeout, never hangs) with the TLS its `sslmode` asks for, migrates its database,
    /// and opens a bounded pool.
    static func open(_ server: DatabaseLocation.Server) async throws -> PostgresStore {
      let environment = ProcessInfo.processInfo.environment
      let password = PasswordFile.password(for: server, environment: environment)
      let timeout = Int64(environment["PGCONNECT_TIMEOUT"].flatMap(Int64.init) ?? 5)
      let tls = try PostgresTLS(server, environment: environment)
      var probe = PostgresConnection.Configuration(
        host: server.host, port: server.port, username: server.user, password: password,
        database: server.database, tls: try tls.connection())
      probe.options.connectTimeout = .seconds(timeout)
      probe.options.additionalStartupParameters = server.startupParameters
      let probeConfiguration = probe
      do {
        let connection = try await withDeadline(seconds: timeout * 2) {
          try await PostgresConnection.connect(
            configuration: probeConfiguration, id: 0, logger: logger)
        }
        do {
          try await migrate(connection, server: server)
          try await connection.close()
        } catch {
          _ = try? await connection.close()
          throw error
        }
      } catch let error as BookingError {
        throw error
      } catch {
        throw BookingError.serverUnavailable(
          host: "\(server.host):\(server.port)", database: server.database,
          reason: PostgresTLS.reason(error, server: server) ?? reason(error))
      }
      var configuration = PostgresClient.Configuration(
        host: server.host, port: server.port, username: server.user, password: password,
        database: server.database, tls: tls.client)
      configuration.options.connectTimeout = .seconds(timeout)
      configuration.options.maximumConnections = server.poolSize
      configuration.options.additionalStartupParameters = server.startupParameters
      return PostgresStore(
        server: server,
        client: PostgresClient(configuration: configuration, backgroundLogger: logger),
        listen: probeConfiguration)
    }

    /// Creates or brings up to date the schema, refusing a foreign or newer database.
    private static func migrate(_ connection: PostgresConnection, server: DatabaseLocation.Server)
      async throws
    {
      if let schema = server.schema {
        try await connection.query(
          PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(quoted(schema))"), logger: logger)
      }
      try await connection.query("BEGIN", logger: logger)
      do {
        try await connection.query(
          "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock), hashtext(current_schema()))",
          logger: logger)
        let tables = try await connection.query(
          """
          SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema()
          """, logger: logger
        ).collect().map { try $0.decode(String.self) }
        if !tables.isEmpty && !tables.contains("encore_schema") {
          throw BookingError.notAnEncoreServerDatabase(server.description)
        }
        try await connection.query(PostgresQuery(unsafeSQL: PostgresSchema.mark), logger: logger)
        let applied = try await connection.query(
          "SELECT COALESCE(MAX(version), 0) FROM encore_schema", logger: logger
        ).collect().first!.decode(Int.self)
        guard applied <= PostgresSchema.latest else {
          throw BookingError.serverDatabaseTooNew(
            server.description, version: applied, supported: PostgresSchema.latest)
        }
        for version in (applied + 1)..<(PostgresSchema.latest + 1) {
          for statement in PostgresSchema.statements(of: PostgresSchema.migrations[version - 1]) {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
          }
          try await connection.query(
            "INSERT INTO encore_schema (version) VALUES (\(version))", logger: logger)
        }
        try await connection.query("COMMIT", logger: logger)
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: logger)
        throw error
      }
    }

    /// Runs `body` in one READ COMMITTED transaction on a pooled connection, on that
    /// connection's event loop (see ``EventLoopTaskExecutor``); one the server aborts for a serialization failure or a deadlock runs again, up to
    /// ``conflictRetries`` times.
    func transaction<T: Sendable>(
      wrote: Bool = true, _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
      // What the listener knows may predate this; a read-only check says so (`wrote: false`).
      defer { if wrote { listener.wrote() } }
      var attempt = 0
      while true {
        do {
          return try await client.withConnection { connection in
            try await withTaskExecutorPreference(EventLoopTaskExecutor(connection.eventLoop)) {
              try await connection.perform(Prepared(PostgresStatement.Begin.self) { _ in })
              do {
                let result = try await body(connection)
                try await connection.perform(Prepared(PostgresStatement.Commit.self) { _ in })
                return result
              } catch {
                _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                throw error
              }
            }
          }
        } catch let error as PSQLError
          where Self.isConflict(error) && attempt < Self.conflictRetries
        {
          attempt += 1
          try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 << min(attempt, 5)))))
        } catch let error as PSQLError {
          throw Self.translate(error, server: server)
        }
      }
    }

    /// Serialization failure (40001) or deadlock (40P01): nothing was changed; run again.
    private static func isConflict(_ error: PSQLError) -> Bool {
      guard let state = error.serverInfo?[.sqlState] else { return false }
      return state == "40001" || state == "40P01"
    }

    private static func translate(_ error: PSQLError, server: DatabaseLocation.Server)
      -> BookingError
    {
      if error.serverInfo?[.sqlState] == "40001" || error.serverInfo?[.sqlState] == "40P01" {
        return .databaseBusy
      }
      if error.serverInfo != nil {
        return .databaseUnavailable(reason(error))
      }
      return .serverUnavailable(
        host: "\(server.host):\(server.port)", database: server.database, reason: reason(error))
    }

    /// A short reason for a failure: the server's message, or what went wrong reaching it.
    static func reason(_ error: any Error) -> String {
      if let error = error as? PSQLError {
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
      }
      return "\(error)"
    }

    static func quoted(_ identifier: String) -> String {
      "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `body`, or a timeout error after `seconds`: a server that accepts the connection
    /// but never answers must not hang the caller.
    private static func withDeadline<T: Sendable>(
      seconds: Int64, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
      try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
          try await Task.sleep(for: .seconds(seconds))
          return nil
        }
        defer { group.cancelAll() }
        guard let result = try await group.next()!, let value = result as T? else {
          throw DeadlineExceeded(seconds: seconds)
        }
        return value
      }
    }

    private struct DeadlineExceeded: Error, CustomStringConvertible {
      var seconds: Int64
      var description: String { "no answer within \(seconds) s" }
    }
  }

  extension PostgresConnection {
    /// Every row of `query`, decoded as `columns`.
    func all<each Column: PostgresDecodable>(
      _ query: PostgresQuery, as columns: (repeat each Column).Type
    ) async throws -> [(repeat each Column)] {
      var rows: [(repeat each Column)] = []
      for try await row in try await self.query(query, logger: PostgresStore.logger) {
        rows.append(try row.decode(columns))
      }
      return rows
    }

    /// The first row of `query`, decoded as `columns`, or nil when it returns none.
    func first<each Column: PostgresDecodable>(
      _ query: PostgresQuery, as columns: (repeat each Column).Type
    ) async throws -> (repeat each Column)? {
      for try await row in try await self.query(query, logger: PostgresStore.logger) {
        return try row.decode(columns)
      }
      return nil
    }

    /// The number `query` returns (a `COUNT(*)`).
    func count(_ query: PostgresQuery) async throws -> Int {
      let value: Int64 = try await first(query, as: Int64.self) ?? 0
      return Int(value)
    }

    /// Runs `query` and counts the rows it returns (an UPDATE's `RETURNING 1`).
    @discardableResult
    func run(_ query: PostgresQuery) async throws -> Int {
      var count = 0
      for try await _ in try await self.query(query, logger: PostgresStore.logger) { count += 1 }
      return count
    }
  }
#endif
