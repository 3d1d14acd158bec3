// Benchmarks for the closing notes. Run in release mode:
//
//   swift run -c release encore-bench [count]
import Foundation

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000

func format(_ rate: Double) -> String { String(format: "%8.0f tx/s", rate) }

print("hold / pay transactions, \(count) each, one process, file database in WAL mode")
for durable in [true, false] {
  let result = try await HoldPayBenchmark(count: count, durable: durable).run()
  print("synchronous=\(durable ? "FULL  " : "NORMAL")")
  print(
    "  hold   engine \(format(result.engineHolds))   raw SQLite \(format(result.rawHolds))   ratio \(String(format: "%.2f", result.engineHolds / result.rawHolds))"
  )
  print(
    "  pay    engine \(format(result.enginePays))   raw SQLite \(format(result.rawPays))   ratio \(String(format: "%.2f", result.enginePays / result.rawPays))"
  )
}
