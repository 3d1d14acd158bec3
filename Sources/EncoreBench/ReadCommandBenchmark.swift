import BookingEngine
import Foundation

/// What a read command costs: opening an existing database and listing its concerts, in
/// this process (the engine's part), and `encore concerts` as a whole process when the
/// `encore` executable is found beside this one (process start and argument parsing too).
struct ReadCommandBenchmark {
  var runs: Int

  struct Result {
    var inProcess: Duration
    /// nil when no `encore` executable is beside the bench.
    var command: Duration?
  }

  func run() async throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-read-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("encore.sqlite").path
    do {
      let setup = try BookingEngine.open(path: path)
      try await setup.seedDemoCatalogIfEmpty()
    }
    var inProcess: [Duration] = []
    for _ in 0..<runs {
      inProcess.append(
        try await time {
          let engine = try BookingEngine.open(path: path)
          try await engine.seedDemoCatalogIfEmpty()
          let concerts = try await engine.concerts()
          precondition(concerts.count == 3)
        })
    }
    let encore = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("encore")
    guard FileManager.default.isExecutableFile(atPath: encore.path) else {
      return Result(inProcess: median(inProcess), command: nil)
    }
    var command: [Duration] = []
    for _ in 0..<runs {
      let process = Process()
      process.executableURL = encore
      process.arguments = ["--database", path, "--user", "bench", "concerts"]
      process.environment = ["XDG_STATE_HOME": folder.appendingPathComponent("state").path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      command.append(
        try await time {
          try process.run()
          process.waitUntilExit()
        })
      precondition(process.terminationStatus == 0, "encore concerts failed")
    }
    return Result(inProcess: median(inProcess), command: median(command))
  }
}
