import BookingEngine
import Foundation
import GRDB
import Synchronization
import Testing

/// Several OS processes book, pay, release and charge on one database (a file, or one
/// PostgreSQL server) while the test kills them with SIGKILL at seeded random moments; then
/// every promise is checked against the database and against what each process was told
/// before it died.
@Suite struct KilledProcessesTests {
  static let seed: UInt64 = 20_261_125
  static let slots = 4
  /// The run ends after this many kills, or at `longest` on a machine too loaded to get there.
  static let targetKills = 40
  static let longest: Duration = .seconds(60)
  /// How long a write after the kills may wait for what the killed processes held.
  static let patience: Duration = .seconds(20)

  @Test(arguments: Store.all) func killingProcessesMidCallBreaksNoPromise(_ store: Store)
    async throws
  {
    try #require(FileManager.default.isExecutableFile(atPath: MultiProcessTests.racer.path))
    let path = store.freshDatabase()
    let logs = URL(fileURLWithPath: TestBed.temporaryPath()).deletingLastPathComponent()
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

    // On a server, a killed client's transaction is the server's to roll back: the checks
    // below wait (within `patience`) for whatever locks it held.
    let told = try ChaosLog(folder: logs)
    let check = try await BookingEngine.open(database: path)
    let audit = try await within(Self.patience, "the audit") { try await check.audit() }
    #expect(audit.isClean, "\(audit)")
    if case .sqlite = store.kind {
      let file = try DatabaseQueue(path: path)
      let integrity = try await file.read { db in
        try String.fetchOne(db, sql: "PRAGMA integrity_check")
      }
      #expect(integrity == "ok")
    }
    try await told.expectPresentOrAbsent(in: check)
    print(
      "SIGKILL run on \(store.testDescription): \(Self.slots) processes, "
        + "\(incarnations.reduce(0, +)) started, \(kills) killed, "
        + "\(told.outcomes) calls answered (\(told.refusals) refused), "
        + "\(audit.ticketsSold) tickets sold, seed \(Self.seed)")
    #expect(told.outcomes > 50, "the processes got some work done")
    #expect(kills > 10)

    // Processes died mid-write: nothing they held keeps the database from taking a write,
    // to the rows they wrote (their accounts, the line, the seats) as to new ones.
    try await within(Self.patience, "a write after the kills") {
      try await check.charge(user: "after-the-kills", amount: 1)
      for user in told.users { try await check.charge(user: UserID(user), amount: 1) }
      var policy = BookingPolicy()
      policy.activeCapacity = nil
      let buyer = try await BookingEngine.open(database: path, policy: policy)
      _ = try await buyer.charge(user: "after-the-kills", amount: 500_000)
      let token = try await buyer.issueToken(user: "after-the-kills", concert: "aurora")
      let caller = Caller(user: "after-the-kills", token: token.value)
      let free = try #require(
        try await buyer.seats(on: date.id, caller).seats.first(where: \.isAvailable))
      let hold = try await buyer.hold(seats: [free.id], on: date.id, caller)
      _ = try await buyer.pay(hold: hold.id, caller)
    }
    #expect(try await check.audit().isClean)
  }

  /// A client killed inside a transaction that holds a line's row lock (`FOR UPDATE`): the
  /// server sees its socket close, rolls it back and lets the next client in. Nobody hangs.
  @Test(.enabled(if: Store.postgresURL != nil, "needs a PostgreSQL server"))
  func aClientKilledHoldingTheLineLockHoldsNobodyUp() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: MultiProcessTests.racer.path))
    let path = Store(kind: .postgres(url: try #require(Store.postgresURL))).freshDatabase()
    let engine = try await BookingEngine.open(database: path)
    try await engine.seedDemoCatalogIfEmpty()
    // The line's row, for the locker to lock.
    _ = try await engine.issueToken(user: "first", concert: "garden")

    let locker = Process()
    locker.executableURL = MultiProcessTests.racer
    locker.arguments = ["lock-line", path, "garden"]
    let output = Pipe()
    locker.standardOutput = output
    try locker.run()
    defer {
      kill(locker.processIdentifier, SIGKILL)
      locker.waitUntilExit()
    }
    let lines = LineReader(output.fileHandleForReading)
    try await #require(lines.next() == "locked")

    // Joining changes the line, so it waits for the row lock the locker holds.
    let survivor = Task { try await engine.issueToken(user: "survivor", concert: "garden") }
    try await #require(lines.next() == "blocking", "the survivor waits for the locker")
    kill(locker.processIdentifier, SIGKILL)
    let token = try await within(Self.patience, "the join after the kill") {
      try await survivor.value
    }
    let status = try await engine.queueStatus(Caller(user: "survivor", token: token.value))
    #expect(status.isActive)
    // The locker's transaction is gone, so the line takes more writes at once.
    _ = try await within(Self.patience, "a second join") {
      try await engine.issueToken(user: "third", concert: "garden")
    }
  }

  /// `body`'s answer, or a failure naming `what` if it takes longer than `limit`: a lock a
  /// killed process left behind fails the test instead of hanging it. A call waiting for a
  /// lock may not heed cancellation, so the answer is whichever comes first, and the
  /// call is left to itself.
  private func within<T: Sendable>(
    _ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    let answer = FirstAnswer<T>()
    return try await withCheckedThrowingContinuation { continuation in
      answer.await(continuation)
      Task {
        do { answer.give(.success(try await body())) } catch { answer.give(.failure(error)) }
      }
      Task {
        try? await Task.sleep(for: limit)
        answer.give(.failure(StillWaiting(what: what, limit: limit)))
      }
    }
  }

  private struct StillWaiting: Error, CustomStringConvertible {
    var what: String
    var limit: Duration
    var description: String { "\(what) was still waiting after \(limit)" }
  }
}

/// Resumes one continuation with the first of several answers.
private final class FirstAnswer<T: Sendable>: Sendable {
  private let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)

  func await(_ continuation: CheckedContinuation<T, any Error>) {
    waiting.withLock { $0 = continuation }
  }

  func give(_ answer: Result<T, any Error>) {
    waiting.withLock { waiting in
      waiting?.resume(with: answer)
      waiting = nil
    }
  }
}

/// Lines a child process prints, read on a thread of its own (a blocking read must not
/// hold up the shared pool's threads).
final class LineReader: Sendable {
  private let handle: FileHandle

  init(_ handle: FileHandle) { self.handle = handle }

  /// The next line, or nil at the end of the output.
  func next() async -> String? {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread { [handle] in
        var line = Data()
        while true {
          let byte = handle.readData(ofLength: 1)
          guard let first = byte.first else {
            continuation.resume(
              returning: line.isEmpty ? nil : String(decoding: line, as: UTF8.self))
            return
          }
          if first == 0x0A { break }
          line.append(first)
        }
        continuation.resume(returning: String(decoding: line, as: UTF8.self))
      }
    }
  }
}
