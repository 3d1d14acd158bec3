import BookingEngine
import Foundation

/// Holds and payments on a PostgreSQL server: the engine on `connections` connections next
/// to `pgbench` on as many running the engine's own statements (``PostgresBookingSQL``, the
/// same strings), on the same server, in one run.
///
/// Each side gets a schema of its own, seeded by the engine with `count` buyers let in (turns
/// claimed, points charged). Buyer i holds seat i of a date whose seats are all free, then
/// pays for that hold, so on every side each statement finds and changes the same rows.
/// pgbench runs in its simple mode (each statement one text message, parsed and planned every
/// time) and its prepared mode (parsed once per connection, as the engine does). The phases
/// take turns (engine, simple, prepared holds; then the payments) so that a change in the
/// machine's load falls on all of them, and the engine's audit of every schema afterwards
/// proves each side sold every seat once.
struct PostgresHoldPayBenchmark {
  var url: String
  var connections: Int
  var count: Int

  enum Mode: String, CaseIterable {
    case simple, prepared
  }

  /// Transactions, their wall-clock time and the client's CPU time (the engine's process,
  /// or pgbench's), summed over the blocks.
  struct Tally {
    var transactions = 0
    var seconds = 0.0
    var cpu = Duration.zero

    var perSecond: Double { Double(transactions) / seconds }
    var cpuMicros: Double { cpu.microseconds / Double(transactions) }
  }

  struct Rates {
    var hold = Tally()
    var pay = Tally()
  }

  struct Result {
    var engine = Rates()
    var pgbench: [Mode: Rates] = [:]
  }

  /// Holds last long enough for every side to pay after all sides held.
  private static let holdDuration: TimeInterval = 30 * 60

  /// Buyers a side serves before the next side's turn; a multiple of 1 and 4 connections.
  static let block = 200

  func run() async throws -> Result {
    precondition(count % Self.block == 0, "the count must be a multiple of \(Self.block)")
    let tag = String(UUID().uuidString.prefix(8).lowercased())
    let engineSide = try await prepare(schema: "bench_engine_\(tag)", prefix: "u")
    var sides: [Mode: BenchBuyers] = [:]
    for mode in Mode.allCases {
      let schema = "bench_pgbench_\(mode)_\(tag)"
      sides[mode] = try await prepare(schema: schema, prefix: "pg")
      // pgbench's buyer i shows the token "pg<i>" (stored as is, where the engine stores a
      // digest): the same look-up by primary key.
      try Self.tool("psql").run(
        ["-q", "-c", "UPDATE queue_token SET token = user_id", Self.libpqURL(url)],
        schema: schema)
    }
    var result = Result()
    var holds = [HoldID](repeating: HoldID(0), count: count)
    for start in stride(from: 0, to: count, by: Self.block) {
      let buyers = start..<start + Self.block
      for (index, hold) in try await engine(
        buyers, into: &result.engine.hold,
        { index in
          try await engineSide.engine.hold(
            seats: [engineSide.seats[index]], on: engineSide.date, engineSide.callers[index]
          ).id
        })
      {
        holds[index] = hold
      }
      for mode in Mode.allCases {
        try pgbench(
          Self.holdScript(mode), mode: mode, side: sides[mode]!, tag: tag, buyers: buyers,
          into: &result.pgbench[mode, default: Rates()].hold)
      }
    }
    let held = holds
    for start in stride(from: 0, to: count, by: Self.block) {
      let buyers = start..<start + Self.block
      _ = try await engine(buyers, into: &result.engine.pay) { index in
        try await engineSide.engine.pay(hold: held[index], engineSide.callers[index]).holdID
      }
      for mode in Mode.allCases {
        try pgbench(
          Self.payScript(mode), mode: mode, side: sides[mode]!, tag: tag, buyers: buyers,
          into: &result.pgbench[mode]!.pay)
      }
    }
    for side in [engineSide] + Mode.allCases.map({ sides[$0]! }) {
      let audit = try await side.engine.audit()
      precondition(
        audit.isClean && audit.ticketsSold == count,
        "a side did not sell every seat once: \(audit)")
    }
    return result
  }

  /// `body(i)` for each of `buyers`, on `connections` lanes at once, timed into `tally`.
  private func engine(
    _ buyers: Range<Int>, into tally: inout Tally,
    _ body: @escaping @Sendable (Int) async throws -> HoldID
  ) async throws -> [(Int, HoldID)] {
    let start = ContinuousClock.now
    let cpuStart = processCPUTime()
    let done = try await withThrowingTaskGroup(of: [(Int, HoldID)].self) { group in
      for lane in 0..<connections {
        group.addTask {
          var done: [(Int, HoldID)] = []
          for index in stride(
            from: buyers.lowerBound + lane, to: buyers.upperBound, by: connections)
          {
            done.append((index, try await body(index)))
          }
          return done
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    tally.seconds += (ContinuousClock.now - start).seconds
    tally.cpu += processCPUTime() - cpuStart
    tally.transactions += buyers.count
    return done
  }

  /// A schema seeded with the demo and `count` buyers let in, each with points; the date's
  /// first `count` free seats must have consecutive ids (pgbench's buyer i takes `lo + i`).
  private func prepare(schema: String, prefix: String) async throws -> BenchBuyers {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.holdDuration = Self.holdDuration
    let separator = url.contains("?") ? "&" : "?"
    let engine = try await BookingEngine.open(
      database: "\(url)\(separator)schema=\(schema)&pool=\(connections)", policy: policy)
    let buyers = try await BenchBuyers.prepare(on: engine, count: count, prefix: prefix)
    let lo = buyers.seats.first?.rawValue ?? 0
    precondition(
      buyers.seats.prefix(count).map(\.rawValue) == Array(lo..<lo + Int64(count)),
      "the date needs \(count) free seats in a row")
    return buyers
  }

  // MARK: pgbench

  /// A value a statement's `$n` takes in pgbench: a number variable, a text variable
  /// (quoted in simple mode, where pgbench pastes values into the text) or SQL as is.
  private enum Value {
    case number(String)
    case text(String)
    case sql(String)

    func render(_ mode: Mode) -> String {
      switch self {
      case .number(let name): ":\(name)"
      case .text(let name): mode == .simple ? "':\(name)'" : ":\(name)"
      case .sql(let text): text
      }
    }
  }

  /// `sql` with each `$n` replaced by `values[n - 1]`, ending the statement (storing its
  /// one row's columns in variables if `gset`).
  private static func statement(_ sql: String, _ values: [Value], mode: Mode, gset: Bool = false)
    -> String
  {
    var text = sql
    // From the highest number down, so that $1 does not eat the start of $10.
    for (index, value) in values.enumerated().reversed() {
      text = text.replacingOccurrences(of: "$\(index + 1)", with: value.render(mode))
    }
    // pgbench reads a statement up to its semicolon; a line break inside is fine.
    return text + (gset ? " \\gset\n" : ";\n")
  }

  /// Buyer `i`, from the client's number and a counter of its own (see `-D k=0`).
  private static let buyer = """
    \\set i :client_id + :k * :clients
    \\set k :k + 1
    \\set seat :lo + :i
    \\set expires :now + :hold_ms

    """

  private static let user = Value.sql("('pg' || :i)")

  /// The engine's hold (``PostgresBookingSQL``): the first statement's concert and the
  /// second's price feed the next, as in the engine.
  static func holdScript(_ mode: Mode) -> String {
    buyer + "BEGIN;\n"
      + statement(
        PostgresBookingSQL.keepTurnForDate, [user, user, .number("now"), .number("date")],
        mode: mode, gset: true)
      + statement(
        PostgresBookingSQL.seatsToHold,
        [user, .number("date"), .number("now"), .sql("ARRAY[:seat::bigint]"), .text("concert_id")],
        mode: mode, gset: true)
      + statement(
        PostgresBookingSQL.takeSeats,
        [
          user, .number("date"), user, .number("now"), .number("expires"), .number("price"),
          .sql("ARRAY[:seat::bigint]"), .sql("ARRAY[:price::bigint]"),
        ], mode: mode)
      + "COMMIT;\n"
  }

  /// The engine's payment: pgbench finds buyer i's hold inside the first statement (the
  /// engine knows its id), then uses what each statement returns as the engine does.
  static func payScript(_ mode: Mode) -> String {
    buyer + "BEGIN;\n"
      + statement(
        PostgresBookingSQL.lockHold, [.sql("(SELECT id FROM hold WHERE user_id = 'pg' || :i)")],
        mode: mode, gset: true)
      + statement(PostgresBookingSQL.holdRecord, [.number("hold_id")], mode: mode, gset: true)
      + statement(
        PostgresBookingSQL.useTurn, [user, user, .number("now"), .text("concert_id")],
        mode: mode, gset: true)
      + statement(
        PostgresBookingSQL.payWrite,
        [
          .number("hold_id"), user, .number("amount"), .number("now"), .number("date_id"),
          .sql("'payment'"), .text("concert_id"), .number("length"), .sql("NULL"),
          .number("claim_flow"), .sql("true"),
        ], mode: mode)
      + "COMMIT;\n"
  }

  /// Runs `script` on the side's schema for `buyers`, each of `connections` clients taking
  /// its share in turn, timed into `tally` (pgbench's own rate, without connecting).
  private func pgbench(
    _ script: String, mode: Mode, side: BenchBuyers, tag: String, buyers: Range<Int>,
    into tally: inout Tally
  ) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-pgbench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scriptFile = folder.appendingPathComponent("script.sql")
    try script.write(to: scriptFile, atomically: true, encoding: .utf8)
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    let cpuStart = childrenCPUTime()
    let text = try Self.tool("pgbench").run(
      [
        "-n", "-M", mode.rawValue, "-f", scriptFile.path, "-c", "\(connections)", "-j",
        "\(connections)", "-t", "\(buyers.count / connections)", "-D",
        "k=\(buyers.lowerBound / connections)", "-D", "clients=\(connections)", "-D",
        "lo=\(side.seats[0].rawValue)", "-D", "date=\(side.date.rawValue)", "-D", "now=\(now)",
        "-D", "hold_ms=\(Int64(Self.holdDuration * 1000))", Self.libpqURL(url),
      ], schema: "bench_pgbench_\(mode)_\(tag)")
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
      let tps = Double(line.dropFirst(6).prefix { $0 != " " })
    else { throw BenchError("pgbench printed no rate: \(text)") }
    tally.seconds += Double(buyers.count) / tps
    tally.cpu += childrenCPUTime() - cpuStart
    tally.transactions += buyers.count
  }

  /// The CPU time of every child process waited for so far.
  private func childrenCPUTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func duration(_ time: timeval) -> Duration {
      .seconds(time.tv_sec) + .microseconds(time.tv_usec)
    }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
  }

  /// The URL without Encore's own query items, as libpq takes it.
  private static func libpqURL(_ url: String) -> String {
    String(url.prefix { $0 != "?" })
  }

  /// A PostgreSQL client program: from PATH, else from Debian's PostgreSQL folders.
  private static func tool(_ name: String) throws -> Tool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders =
      path.split(separator: ":").map(String.init)
      + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
      .sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
    guard
      let found = folders.map({ $0 + "/" + name }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { throw BenchError("\(name) not found: install postgresql") }
    return Tool(path: found)
  }

  private struct Tool {
    var path: String

    /// Runs the program on `schema` and returns what it printed; a failure throws.
    @discardableResult
    func run(_ arguments: [String], schema: String) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["PGOPTIONS"] = "-c search_path=\(schema)"
      process.environment = environment
      let output = Pipe()
      process.standardOutput = output
      process.standardError = output
      try process.run()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      // pgbench exits 2 when a client aborted, having printed the error.
      guard process.terminationStatus == 0, !text.contains("error") else {
        throw BenchError("\(path) failed: \(text)")
      }
      return text
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
