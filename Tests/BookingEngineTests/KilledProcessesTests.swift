import BookingEngine
import Foundation
import GRDB
import Testing

/// Several OS processes book, pay, release and charge on one file while the test kills
/// them with SIGKILL at seeded random moments; then every promise is checked against the
/// database and against what each process was told before it died.
@Suite struct KilledProcessesTests {
  static let seed: UInt64 = 20_261_125
  static let slots = 4
  /// The run ends after this many kills, or at `longest` on a machine too loaded to get there.
  static let targetKills = 40
  static let longest: Duration = .seconds(60)

  @Test func killingProcessesMidCallBreaksNoPromise() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: MultiProcessTests.racer.path))
    let path = TestBed.temporaryPath()
    let logs = URL(fileURLWithPath: path).deletingLastPathComponent()
    let (setup, observer, date) = try await MultiProcessTests.auroraOnSale(at: path)
    // Seats enough to keep selling for the whole run, few enough that buyers collide.
    let seats = try await setup.seats(on: date.id, observer).seats.filter(\.isAvailable)
      .prefix(400).map(\.id.rawValue)

    let dice = SeededRandomSource(seed: Self.seed)
    var running: [Process] = []
    var incarnations = Array(repeating: 0, count: Self.slots)
    var kills = 0
    func start(_ slot: Int) throws -> Process {
      incarnations[slot] += 1
      let process = Process()
      process.executableURL = MultiProcessTests.racer
      process.arguments = [
        "chaos", path, "buyer\(slot)", "aurora", "\(date.id)",
        seats.map(String.init).joined(separator: ","), "\(incarnations[slot])",
        "\(dice.next())",
        logs.appendingPathComponent("slot\(slot)-\(incarnations[slot]).jsonl").path,
      ]
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    for slot in 0..<Self.slots { running.append(try start(slot)) }
    let deadline = ContinuousClock.now + Self.longest
    while kills < Self.targetKills && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(30 + Int(dice.next() % 250)))
      let slot = Int(dice.next() % UInt64(Self.slots))
      kill(running[slot].processIdentifier, SIGKILL)
      running[slot].waitUntilExit()
      kills += 1
      running[slot] = try start(slot)
    }
    for process in running {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      kills += 1
    }

    let told = try ChaosLog(folder: logs)
    let check = try BookingEngine.open(path: path)
    let audit = try await check.audit()
    #expect(audit.isClean, "\(audit)")
    let database = try DatabaseQueue(path: path)
    try await database.read { db in
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      try told.expectPresentOrAbsent(in: db)
    }
    print(
      "SIGKILL run: \(Self.slots) processes, \(incarnations.reduce(0, +)) started, \(kills) killed, "
        + "\(told.outcomes) calls answered (\(told.refusals) refused), "
        + "\(audit.ticketsSold) tickets sold, seed \(Self.seed)")
    #expect(told.outcomes > 50, "the processes got some work done")
    #expect(kills > 10)
    // Processes died mid-write: nothing they held keeps the file from taking a write.
    try await check.charge(user: "after-the-kills", amount: 1)
  }
}
