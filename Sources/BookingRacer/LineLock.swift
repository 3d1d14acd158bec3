#if PostgreSQL
  import Foundation
  import Logging
  import PostgresNIO

  /// Locks a line's row on a server the way the engine does when the line changes
  /// (`SELECT … FOR UPDATE` inside a transaction), then never commits: the test kills it
  /// with the lock held. It prints `locked` once it holds the lock, and `blocking` once
  /// another client waits for it.
  struct LineLock {
    var url: String
    var concert: String

    func run() async throws {
      guard let parts = URLComponents(string: url), let host = parts.host else {
        throw CocoaError(.fileReadInvalidFileName)
      }
      let logger = Logger(label: "booking-racer", factory: { _ in SwiftLogNoOpLogHandler() })
      var configuration = PostgresConnection.Configuration(
        host: host, port: parts.port ?? 5432, username: parts.user ?? "postgres",
        password: ProcessInfo.processInfo.environment["PGPASSWORD"],
        database: String(parts.path.dropFirst()), tls: .disable)
      if let schema = parts.queryItems?.first(where: { $0.name == "schema" })?.value {
        configuration.options.additionalStartupParameters = [("search_path", schema)]
      }
      let holder = try await PostgresConnection.connect(
        configuration: configuration, id: 1, logger: logger)
      let watcher = try await PostgresConnection.connect(
        configuration: configuration, id: 2, logger: logger)
      try await holder.query("BEGIN", logger: logger)
      var pid: Int32 = 0
      for try await row in try await holder.query(
        "SELECT pg_backend_pid() FROM queue_line WHERE concert_id = \(concert) FOR UPDATE",
        logger: logger)
      {
        pid = try row.decode(Int32.self)
      }
      guard pid != 0 else { throw CocoaError(.fileNoSuchFile) }
      say("locked")
      // Polled: the server has no way to say when someone starts waiting for a lock.
      while true {
        var waiting = 0
        for try await row in try await watcher.query(
          "SELECT COUNT(*) FROM pg_stat_activity WHERE \(pid) = ANY(pg_blocking_pids(pid))",
          logger: logger)
        {
          waiting = Int(try row.decode(Int64.self))
        }
        if waiting > 0 { break }
        try await Task.sleep(for: .milliseconds(10))
      }
      say("blocking")
      // Holds on until killed; the bound only stops an orphan.
      try await Task.sleep(for: .seconds(600))
    }

    private func say(_ line: String) {
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
  }
#endif
