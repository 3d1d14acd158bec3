import BookingEngine
import Foundation

/// `viewers` open seat maps in a child process (`encore-bench viewers PATH N`), each
/// refreshed every 0.8 s as the app does while the parent says `go` (and not after
/// `rest`), until standard input closes. It prints `ready` once every map is open, and
/// at the end how many refreshes ran and the longest a change could have waited to show:
/// from the start of one refresh (its snapshot) to the end of the next.
struct ViewerCrowd {
  struct Report {
    var refreshes: Int
    var p99: Double
    var max: Double
    /// The viewers' CPU per refresh, all their threads together.
    var cpuPerRefresh: Double
  }

  let process: Process
  let input: Pipe
  let output: Pipe

  /// Starts the child on the database at `path` (a file, or a PostgreSQL URL).
  static func launch(path: String, viewers: Int) throws -> ViewerCrowd {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["viewers", path, String(viewers)]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    return ViewerCrowd(process: process, input: input, output: output)
  }

  /// Waits for every map to be open.
  func ready() throws {
    precondition(readLine() == "ready", "the viewers did not start")
  }

  /// Starts or stops the refreshing.
  func refreshing(_ on: Bool) throws {
    try input.fileHandleForWriting.write(contentsOf: Data((on ? "go\n" : "rest\n").utf8))
  }

  /// Stops the viewers and reads their report.
  func finish() throws -> Report {
    try input.fileHandleForWriting.close()
    let words = (readLine() ?? "").split(separator: " ").compactMap { Double($0) }
    process.waitUntilExit()
    precondition(words.count == 4, "the viewers gave no report")
    return Report(refreshes: Int(words[0]), p99: words[1], max: words[2], cpuPerRefresh: words[3])
  }

  private func readLine() -> String? {
    var line = Data()
    while let byte = try? output.fileHandleForReading.read(upToCount: 1), let first = byte.first {
      if first == UInt8(ascii: "\n") { break }
      line.append(first)
    }
    return String(data: line, encoding: .utf8)
  }

  /// The child's side: opens the maps, refreshes them until standard input closes.
  static func serve(path: String, viewers: Int) async throws {
    let engine = try await BookingEngine.open(database: path)
    let callers = try await admit(engine, prefix: "viewer", count: viewers)
    let map = try await engine.seats(on: try await busiestDate(engine, callers[0]).id, callers[0])
    let stop = Flag()
    let going = Flag()
    let staleness = Samples()
    let group = Task {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for caller in callers {
          group.addTask {
            try await watch(engine, map, caller, while: going, until: stop, staleness: staleness)
          }
        }
        try await group.waitForAll()
      }
    }
    FileHandle.standardOutput.write(Data("ready\n".utf8))
    let cpu = cpuSeconds()
    await Task.detached {
      while let line = Swift.readLine() { line == "go" ? going.set() : going.clear() }
    }.value
    stop.set()
    try await group.value
    let cpuPerRefresh = (cpuSeconds() - cpu) / Double(max(1, staleness.sorted().count + viewers))
    let sorted = staleness.sorted()
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    FileHandle.standardOutput.write(
      Data("\(sorted.count) \(p99.seconds) \(sorted.last!.seconds) \(cpuPerRefresh)\n".utf8))
  }

  private static func watch(
    _ engine: BookingEngine, _ map: SeatMap, _ viewer: Caller, while going: Flag,
    until stop: Flag, staleness: Samples
  ) async throws {
    let clock = ContinuousClock()
    var current = map
    // Viewers opened their maps at different moments.
    try await Task.sleep(for: .milliseconds(Int.random(in: 0..<800)))
    var previousStart: ContinuousClock.Instant?
    while !stop.isSet {
      let start = clock.now
      if going.isSet {
        current = try await engine.refresh(consume current, viewer)
        if let previousStart { staleness.append(clock.now - previousStart) }
        previousStart = start
      } else {
        previousStart = nil
      }
      try await Task.sleep(until: start + .milliseconds(800))
    }
  }

  /// Callers let in (and claimed) at once, with points if they will buy.
  static func admit(
    _ engine: BookingEngine, prefix: String, count: Int, charge: Bool = false
  ) async throws -> [Caller] {
    var callers: [Caller] = []
    for index in 0..<count {
      let user = UserID("\(prefix)\(index)")
      let token = try await engine.issueToken(user: user, concert: "aurora")
      callers.append(Caller(user: user, token: token.value))
      if charge { try await engine.charge(user: user, amount: 1_000_000) }
    }
    return callers
  }

  /// The aurora date with the most seats left: where everyone looks.
  static func busiestDate(_ engine: BookingEngine, _ caller: Caller) async throws -> ConcertDate {
    try await engine.dates(of: "aurora", caller).filter { $0.availability == .onSale }
      .max { $0.seatsLeft < $1.seatsLeft }!
  }
}
