// Benchmarks for the closing notes. Run in release mode:
//
//   swift run -c release encore-bench [hold-pay COUNT | queue SIZE... | eta [USERS...] [rate-bound|capacity-bound] | refresh VIEWERS]
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

if runAll || arguments.first == "hold-pay" {
  let count = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
  print("hold / pay transactions, \(count) each, one process, file database in WAL mode")
  for durable in [true, false] {
    let result = try await HoldPayBenchmark(count: count, durable: durable).run()
    print("synchronous=\(durable ? "FULL  " : "NORMAL")")
    print(
      "  hold   engine \(rate(result.engineHolds))   raw SQLite \(rate(result.rawHolds))   ratio \(String(format: "%.2f", result.engineHolds / result.rawHolds))"
    )
    print(
      "  pay    engine \(rate(result.enginePays))   raw SQLite \(rate(result.rawPays))   ratio \(String(format: "%.2f", result.enginePays / result.rawPays))"
    )
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
  try await EtaBenchmark(
    users: sizes.isEmpty ? [2_000, 20_000] : sizes,
    lines: lines.isEmpty ? EtaGrid.Line.allCases : lines
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
