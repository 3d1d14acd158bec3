import BookingEngine
import Foundation

/// Holds a second on a PostgreSQL server: the engine on `connections` connections next to
/// `pgbench` on as many, running the statements of the engine's hold (the transaction
/// script below) on the same server, in one run. Each side gets a schema of its own,
/// seeded by the engine; every engine hold is a different user's, so no user's count of
/// seats grows, and pgbench's holds end at once (`held_until = now`), so every seat it
/// draws can be taken again: on both sides each statement finds and changes the same rows.
struct PostgresHoldBenchmark {
  var url: String
  var connections: Int
  var count: Int

  struct Result {
    var engine: Double
    var pgbench: Double
  }

  func run() async throws -> Result {
    let tag = UUID().uuidString.prefix(8).lowercased()
    let engineSide = try await prepare(schema: "bench_engine_\(tag)", users: count, prefix: "u")
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<connections {
        group.addTask {
          for index in stride(from: lane, to: count, by: connections) {
            _ = try await engineSide.engine.hold(
              seats: [engineSide.seats[index]], on: engineSide.date, engineSide.callers[index])
          }
        }
      }
      try await group.waitForAll()
    }
    let engineRate = Double(count) / (ContinuousClock.now - start).seconds
    let audit = try await engineSide.engine.audit()
    precondition(audit.isClean, "the engine's run left the database inconsistent")

    let pgSide = try await prepare(schema: "bench_pgbench_\(tag)", users: connections, prefix: "pg")
    let pgbenchRate = try runPgbench(schema: "bench_pgbench_\(tag)", side: pgSide)
    return Result(engine: engineRate, pgbench: pgbenchRate)
  }

  /// A schema seeded with the demo, `users` users let in (turns claimed) with points.
  private func prepare(schema: String, users: Int, prefix: String) async throws -> BenchBuyers {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    let separator = url.contains("?") ? "&" : "?"
    let engine = try await BookingEngine.open(
      database: "\(url)\(separator)schema=\(schema)&pool=\(connections)", policy: policy)
    let buyers = try await BenchBuyers.prepare(on: engine, count: users, prefix: prefix)
    precondition(buyers.seats.count >= min(users, count), "not enough free seats")
    return buyers
  }

  /// The engine's hold, statement for statement, as a pgbench script.
  static let script = """
    \\set seat random(:lo, :hi)
    BEGIN;
    SELECT concert_id, starts_at FROM concert_date WHERE id = :date;
    UPDATE queue_token t SET last_seen_at = :now,
      state = CASE WHEN false THEN 'used' ELSE t.state END
    FROM queue_line l
    WHERE t.user_id = 'pg' || :client_id AND t.concert_id = 'aurora'
      AND l.concert_id = t.concert_id AND t.state = 'active' AND t.claimed_at IS NOT NULL
      AND LEAST(t.last_seen_at + l.active_idle_ms, t.admitted_at + l.longest_turn_ms) > :now
    RETURNING t.token, :now - t.admitted_at;
    SELECT (SELECT COUNT(*) FROM seat_state WHERE sold_to = 'pg' || :client_id AND date_id = :date)
         + (SELECT COUNT(*) FROM seat_state WHERE holder = 'pg' || :client_id AND date_id = :date
              AND sale IS NULL AND held_until > :now);
    SELECT s.label, s.tier, t.price FROM seat s
    JOIN tier t ON t.concert_id = s.concert_id AND t.name = s.tier
    WHERE s.id = :seat AND s.concert_id = 'aurora';
    INSERT INTO hold (user_id, date_id, token, created_at, expires_at, amount)
    VALUES ('pg' || :client_id, :date, 'x', :now, :now + 300000, 100) RETURNING id;
    UPDATE seat_state SET hold_id = currval('hold_id_seq'), holder = 'pg' || :client_id,
      held_until = :now
    WHERE date_id = :date AND seat_id = :seat AND sale IS NULL
      AND (held_until IS NULL OR held_until <= :now)
    RETURNING 1;
    INSERT INTO hold_seat (hold_id, seat_id, price) VALUES (currval('hold_id_seq'), :seat, 100);
    COMMIT;
    """

  private func runPgbench(schema: String, side: BenchBuyers) throws -> Double {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-pgbench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scriptFile = folder.appendingPathComponent("hold.sql")
    try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
    let seats = side.seats.map(\.rawValue)
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Self.pgbench())
    process.arguments = [
      "-n", "-f", scriptFile.path, "-c", "\(connections)", "-j", "\(connections)", "-t",
      "\(count / connections)", "-D", "lo=\(seats.min()!)", "-D", "hi=\(seats.max()!)", "-D",
      "date=\(side.date.rawValue)", "-D", "now=\(now)", Self.libpqURL(url),
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["PGOPTIONS"] = "-c search_path=\(schema)"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
      let tps = Double(line.dropFirst(6).prefix { $0 != " " })
    else { throw BenchError("pgbench failed: \(text)") }
    return tps
  }

  /// The URL without Encore's own query items, as libpq takes it.
  private static func libpqURL(_ url: String) -> String {
    String(url.prefix { $0 != "?" })
  }

  /// pgbench from PATH, else from Debian's PostgreSQL folders.
  private static func pgbench() throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders =
      path.split(separator: ":").map(String.init)
      + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
      .sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
    guard
      let found = folders.map({ $0 + "/pgbench" }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { throw BenchError("pgbench not found: install postgresql") }
    return found
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
