import BookingEngine
import Foundation

/// What keeping one seat map live costs on a PostgreSQL server, unchanged, with every
/// refresh asking the server (`listen=off`, as before live views) and with the listener
/// answering from what it was told: the process's CPU and the time per refresh, and the
/// server transactions per refresh (`pg_stat_database`, read with `psql` after the
/// server's statistics are flushed). Each side gets a schema of its own.
struct PostgresRefreshBenchmark {
  var url: String
  var refreshes: Int

  struct Side {
    var cpu: Double
    var wall: Double
    var transactions: Double
  }

  func run() async throws -> (asking: Side, listening: Side) {
    let tag = UUID().uuidString.prefix(8).lowercased()
    let asking = try await side(schema: "bench_refresh_ask_\(tag)", options: "&listen=off")
    let listening = try await side(schema: "bench_refresh_listen_\(tag)", options: "")
    return (asking, listening)
  }

  private func side(schema: String, options: String) async throws -> Side {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    let separator = url.contains("?") ? "&" : "?"
    let engine = try await BookingEngine.open(
      database: "\(url)\(separator)schema=\(schema)\(options)", policy: policy)
    try await engine.seedDemoCatalogIfEmpty()
    let watcher = try await ViewerCrowd.admit(engine, prefix: "watcher", count: 1)[0]
    let date = try await ViewerCrowd.busiestDate(engine, watcher)
    var map = try await engine.seats(on: date.id, watcher)
    // The first refresh starts the listener; once it listens, one more asks the server.
    map = try await engine.refresh(map, watcher)
    try await Task.sleep(for: .milliseconds(500))
    map = try await engine.refresh(map, watcher)
    let before = try transactions()
    let cpu = cpuSeconds()
    let start = ContinuousClock.now
    for _ in 0..<refreshes { map = try await engine.refresh(map, watcher) }
    let wall = (ContinuousClock.now - start).seconds
    let used = cpuSeconds() - cpu
    // A server backend reports its counts when idle, at most every 10 s.
    try await Task.sleep(for: .seconds(11))
    let after = try transactions()
    return Side(
      cpu: used / Double(refreshes) * 1e6, wall: wall / Double(refreshes) * 1e6,
      transactions: Double(after - before - 1) / Double(refreshes))
  }

  /// Transactions committed in the database so far (this query's own included).
  private func transactions() throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "psql", String(url.prefix { $0 != "?" }), "-Atc",
      "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { throw BenchError("psql failed: \(text)") }
    return count
  }
}
