// Benchmarks for the closing notes. Run in release mode:
//
//   swift run -c release encore-bench [hold-pay COUNT [--database postgres://…] | queue SIZE...
//     | eta [USERS...] [rate-bound|capacity-bound] [GIVE-UP%...] | refresh VIEWERS
//     | refresh VIEWERS --database postgres://… | contend P...
//     | read RUNS | box-office CROWD]
import BookingEngine
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let runAll = arguments.isEmpty

// The viewers of `refresh`, in their own process.
if arguments.first == "viewers", arguments.count == 3, let count = Int(arguments[2]) {
  try await ViewerCrowd.serve(path: arguments[1], viewers: count)
  exit(0)
}

func rate(_ value: Double) -> String { String(format: "%8.0f tx/s", value) }
func micros(_ duration: Duration) -> String { String(format: "%9.1f µs", duration.microseconds) }

if arguments.first == "refresh", let flag = arguments.firstIndex(of: "--database"),
  flag + 1 < arguments.count
{
  // On a PostgreSQL server: an unchanged map's refresh asking the server, then listening;
  // then a buyer's hold+pay with VIEWERS maps open, both ways.
  let url = arguments[flag + 1]
  let viewers = arguments.dropFirst().first.flatMap(Int.init) ?? 200
  let count = 20_000
  print("seat map refresh on PostgreSQL, unchanged, \(count) each, per refresh")
  let (asking, listening) = try await PostgresRefreshBenchmark(url: url, refreshes: count).run()
  for (name, side) in [("asking the server (listen=off)", asking), ("listening", listening)] {
    print(
      String(
        format: "  %@ CPU %7.1f µs   time %7.1f µs   server transactions %.3f",
        name.padding(toLength: 31, withPad: " ", startingAt: 0), side.cpu, side.wall,
        side.transactions))
  }
  print(
    String(
      format: "  listening ÷ asking: CPU %.3f, time %.3f", listening.cpu / asking.cpu,
      listening.wall / asking.wall))
  print("hold+pay on PostgreSQL with \(viewers) maps refreshing every 0.8 s (another process)")
  let tag = UUID().uuidString.prefix(8).lowercased()
  let separator = url.contains("?") ? "&" : "?"
  for (name, options) in [("asking (listen=off)", "&listen=off"), ("listening", "")] {
    let result = try await RefreshBenchmark(
      viewers: viewers,
      database: "\(url)\(separator)schema=bench_viewers_\(name.prefix(3))_\(tag)\(options)"
    ).run()
    print(
      String(
        format:
          "  %@ alone %.0f pairs/s   watched %.0f pairs/s   ratio %.2f   %d refreshes, viewers' CPU %.0f µs each",
        name.padding(toLength: 19, withPad: " ", startingAt: 0), result.alone, result.watched,
        result.watched / result.alone, result.refreshes,
        result.viewerCPU))
  }
  exit(0)
}

if arguments.first == "hold-pay", let flag = arguments.firstIndex(of: "--database"),
  flag + 1 < arguments.count
{
  // On a PostgreSQL server: the engine next to pgbench running the same statements.
  let url = arguments[flag + 1]
  let count = arguments.dropFirst().first.flatMap(Int.init) ?? 2_000
  print(
    "hold / pay on PostgreSQL, \(count) each: engine and pgbench (the engine's statements, "
      + "simple and prepared mode) transactions a second; ratio engine ÷ pgbench")
  for connections in [1, 4] {
    let result = try await PostgresHoldPayBenchmark(
      url: url, connections: connections, count: count
    ).run()
    for (name, engine, pgbench) in [
      ("hold", result.engine.hold, result.pgbench.mapValues(\.hold)),
      ("pay ", result.engine.pay, result.pgbench.mapValues(\.pay)),
    ] {
      let (simple, prepared) = (pgbench[.simple]!, pgbench[.prepared]!)
      print(
        String(
          format:
            "  %@ %d connection%@ engine %5.0f, pgbench simple %5.0f (ratio %.2f), "
            + "prepared %5.0f (ratio %.2f); client CPU µs/tx engine %.0f, pgbench %.0f / %.0f",
          name, connections, connections == 1 ? " " : "s", engine.perSecond, simple.perSecond,
          engine.perSecond / simple.perSecond, prepared.perSecond,
          engine.perSecond / prepared.perSecond, engine.cpuMicros, simple.cpuMicros,
          prepared.cpuMicros))
    }
  }
  exit(0)
}

if runAll || arguments.first == "hold-pay" {
  let count = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
  print(
    "hold / pay, \(count) each, one process; raw SQLite runs the engine's statements. "
      + "Ratio: engine ÷ raw rate (wall clock), and raw ÷ engine CPU time per transaction")
  let places = [
    ("tmpfs", "/dev/shm"), ("disk ", FileManager.default.temporaryDirectory.path),
  ]
  for (place, folder) in places where FileManager.default.fileExists(atPath: folder) {
    for durable in [true, false] {
      let result = try await HoldPayBenchmark(count: count, durable: durable, folder: folder).run()
      func line(_ name: String, _ engine: HoldPayBenchmark.Cost, _ raw: HoldPayBenchmark.Cost)
        -> String
      {
        String(
          format: "%@ %6.0f / %6.0f tx/s ratio %.2f, CPU %5.1f / %5.1f µs ratio %.2f", name,
          engine.perSecond(count), raw.perSecond(count),
          engine.perSecond(count) / raw.perSecond(count), engine.cpuMicros(count),
          raw.cpuMicros(count), raw.cpuMicros(count) / engine.cpuMicros(count))
      }
      print("  \(place) \(durable ? "FULL  " : "NORMAL")")
      print("    " + line("hold", result.engineHold, result.rawHold))
      print("    " + line("pay ", result.enginePay, result.rawPay))
    }
  }
}

if runAll || arguments.first == "queue" {
  let sizes = arguments.dropFirst().compactMap(Int.init)
  print(
    "queue with N waiting (synchronous=FULL): status poll, COUNT(*) of rows ahead, join, admit 1,000"
  )
  var polls: [Int: Duration] = [:]
  for size in sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes {
    let result = try await QueueBenchmark(waiting: size).run()
    polls[size] = result.pollMedian
    print(
      "  \(String(size).padding(toLength: 9, withPad: " ", startingAt: 0)) poll median \(micros(result.pollMedian))  p90 \(micros(result.pollP90))   COUNT(*) median \(micros(result.countMedian))   join median \(micros(result.joinMedian))   admit 1,000 \(micros(result.admitBatch))"
    )
  }
  if let small = polls.keys.min(), let large = polls.keys.max(), small != large {
    print(
      String(
        format: "  poll median ratio %d / %d: %.2f", large, small,
        polls[large]!.microseconds / polls[small]!.microseconds))
  }
}

if runAll || arguments.first == "eta" {
  let sizes = arguments.dropFirst().compactMap(Int.init)
  let lines = arguments.dropFirst().compactMap(EtaGrid.Line.init(rawValue:))
  let shares = arguments.dropFirst().filter { $0.hasSuffix("%") }
    .compactMap { Double($0.dropLast()).map { $0 / 100 } }
  try await EtaBenchmark(
    users: sizes.isEmpty ? [2_000, 20_000] : sizes,
    lines: lines.isEmpty ? EtaGrid.Line.allCases : lines,
    shares: shares.isEmpty ? EtaGrid.abandonShares : shares
  ).run()
}

if runAll || arguments.first == "refresh" {
  let viewers = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
  let result = try await RefreshBenchmark(viewers: viewers).run()
  print("seat map refresh, 2,000 seats, file database (synchronous=FULL), CPU per call")
  print(
    String(
      format: "  full read %.0f µs   refresh unchanged %.0f µs   refresh after one change %.0f µs",
      result.fullRead, result.unchanged, result.changed))
  print(
    String(
      format:
        "  hold+pay alone %.0f pairs/s   with %d maps refreshing every 0.8 s %.0f pairs/s   ratio %.2f",
      result.alone, viewers, result.watched, result.watched / result.alone))
  print(
    String(
      format:
        "  %d refreshes (viewers' CPU %.0f µs each); a change shows within %.2f s (p99), %.2f s (max)",
      result.refreshes, result.viewerCPU, result.stalenessP99, result.stalenessMax))
}

if runAll || arguments.first == "box-office" {
  let crowd = arguments.dropFirst().first.flatMap(Int.init) ?? 2_000
  let result = try await BoxOfficeBenchmark(crowd: crowd).run()
  print(
    "box office of the 2,000-seat concert (4 dates) after a crowd of \(crowd), file database, CPU per call"
  )
  print(
    String(
      format:
        "  full read %.0f µs   refresh unchanged %.1f µs   refresh after one hold %.0f µs   full ÷ unchanged %.0f",
      result.fullRead, result.unchanged, result.changed, result.fullRead / result.unchanged))
}

if runAll || arguments.first == "contend" {
  let counts = arguments.dropFirst().compactMap(Int.init)
  let rounds = 3
  print(
    "P processes booking (join, hold, pay) on one file for 2 s (synchronous=FULL); "
      + "\(rounds) rounds taking turns, the median round of each P shown")
  var results: [Int: [ContentionBenchmark.Result]] = [:]
  for _ in 0..<rounds {
    for processes in counts.isEmpty ? [1, 2, 4] : counts {
      results[processes, default: []].append(
        try await ContentionBenchmark(processes: processes, seconds: 2).run())
    }
  }
  for (processes, runs) in results.sorted(by: { $0.key < $1.key }) {
    let result = runs.sorted { $0.aggregate < $1.aggregate }[runs.count / 2]
    let each = result.perProcess.map { String(format: "%.0f", $0) }.joined(separator: " / ")
    let all = runs.map { String(format: "%.0f", $0.aggregate) }.joined(separator: ", ")
    print(
      String(
        format:
          "  P=%d  aggregate %4.0f bookings/s (rounds: %@)   per process %@   slowest/fastest %.2f   sold twice %d",
        processes, result.aggregate, all, each, result.fairness,
        runs.map(\.seatsSoldTwice).reduce(0, +)))
  }
}

if runAll || arguments.first == "read" {
  let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 50
  let result = try await ReadCommandBenchmark(runs: runs).run()
  print("a read command on an existing database, median of \(runs)")
  print("  open + concerts in process \(micros(result.inProcess))")
  if let command = result.command {
    print("  encore concerts, whole process \(micros(command))")
  } else {
    print("  (no encore executable beside encore-bench: build it to time the whole command)")
  }
}

if arguments.first == "contend-worker" {
  try await ContentionBenchmark.worker(Array(arguments.dropFirst()))
}
