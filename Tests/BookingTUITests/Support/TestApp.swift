import BookingEngine
import Foundation
import SnapshotTesting
import Testing

@testable import BookingTUI

/// An app on a fresh in-memory demo engine with a stopped clock, driven through a
/// `VirtualTerminal`: keys in, settled engine calls, the frame out.
@MainActor
final class TestApp {
  static let start = Date(timeIntervalSince1970: 1_796_112_000)

  let clock: ManualClock
  let engine: BookingEngine
  let user: UserID
  let terminal: VirtualTerminal
  /// The shared token memory, as the command line's jar would be.
  let keeper: MemoryTokenKeeper
  private(set) var app: EncoreApp

  /// - Parameters:
  ///   - boxOffice: opens the box office of this concert instead of the concert list, its
  ///     crowd (`s`) being `crowd`.
  ///   - path: a database file to share with other engines (in memory if nil).
  init(
    user: UserID = "alice", size: Size = Size(80, 24), policy: BookingPolicy = BookingPolicy(),
    keeper: MemoryTokenKeeper = MemoryTokenKeeper(), boxOffice: ConcertID? = nil,
    crowd: CrowdSimulation.Configuration? = nil, path: String? = nil,
    prepare: (BookingEngine) async throws -> Void = { _ in }
  ) async throws {
    let clock = ManualClock(Self.start)
    self.clock = clock
    engine =
      try path.map { try BookingEngine.open(path: $0, policy: policy, clock: clock) }
      ?? BookingEngine.inMemory(policy: policy, clock: clock)
    try await engine.seedDemoCatalogIfEmpty()
    try await prepare(engine)
    self.user = user
    self.keeper = keeper
    terminal = VirtualTerminal(size: size)
    let zone = TimeZone(identifier: "UTC")!
    app =
      if let boxOffice {
        EncoreApp(boxOffice: boxOffice, engine: engine, user: user, crowd: crowd, timeZone: zone)
      } else {
        EncoreApp(engine: engine, user: user, keeper: keeper, timeZone: zone)
      }
    await app.step(on: terminal)
  }

  /// Quits and opens the app again on the same engine and keeper, as after a restart.
  func restart() async {
    app = EncoreApp(
      engine: engine, user: user, keeper: keeper, timeZone: TimeZone(identifier: "UTC")!)
    await app.step(on: terminal)
  }

  /// Types `keys`, lets every engine call finish, and draws a frame.
  func press(_ keys: Key...) async {
    for key in keys { terminal.send(key) }
    await app.step(on: terminal)
  }

  /// Types digits or letters.
  func type(_ text: String) async {
    terminal.send(text: text)
    await app.step(on: terminal)
  }

  /// Moves the clock, ticks once, lets the polls finish, and draws.
  func advance(by seconds: TimeInterval) async {
    clock.advance(by: seconds)
    app.tick()
    await app.step(on: terminal)
  }

  /// Changes the terminal size (queues a resize event) and draws.
  func resize(to size: Size) async {
    terminal.resize(to: size)
    await app.step(on: terminal)
  }

  var screen: String { terminal.screenText }
  var frame: Canvas { terminal.lastFrame ?? Canvas(size: .zero) }

  /// The role of the first cell showing `text` on the row that contains `rowText`.
  func role(of text: String, onRowContaining rowText: String) -> Role? {
    let lines = frame.lines
    guard let y = lines.firstIndex(where: { $0.contains(rowText) }),
      let range = lines[y].range(of: text, range: lines[y].range(of: rowText))
    else { return nil }
    let x = TextWidth.width(of: String(lines[y][..<range.lowerBound]))
    return frame.role(at: Point(x, y))
  }

  // MARK: - Engine helpers

  /// Another user's active caller for `concert` (the demo policy admits at once).
  func caller(_ user: UserID, concert: ConcertID = "garden") async throws -> Caller {
    let token = try await engine.issueToken(user: user, concert: concert)
    return Caller(user: user, token: token.value)
  }

  /// The app user's caller as a command in a shell gets it: joining through the shared keeper.
  func shellCaller(concert: ConcertID = "garden") async throws -> Caller {
    let status = try await keeper.join(concert, user: user, engine: engine)
    return Caller(user: user, token: status.token.value)
  }

  /// Holds `labels` on the concert's `index`-th on-sale date as `encore hold` in a shell does.
  @discardableResult
  func holdFromShell(_ labels: [String], concert: ConcertID = "garden", dateIndex: Int = 0)
    async throws -> Hold
  {
    let caller = try await shellCaller(concert: concert)
    let dates = try await engine.dates(of: concert, caller).filter { $0.availability == .onSale }
    let date = dates[dateIndex]
    let ids = try await seatIDs(labels, date: date.id, as: caller)
    return try await engine.hold(seats: ids, on: date.id, caller)
  }

  /// The seat ids of `labels` on the garden's first on-sale date.
  func seatIDs(_ labels: [String], date: DateID, as caller: Caller) async throws -> [SeatID] {
    let map = try await engine.seats(on: date, caller)
    return labels.compactMap { map.seat(labelled: $0)?.id }
  }

  /// The first on-sale date of a concert.
  func firstOnSaleDate(_ concert: ConcertID, as caller: Caller) async throws -> ConcertDate {
    try #require(try await engine.dates(of: concert, caller).first { $0.availability == .onSale })
  }
}

/// Compares `app`'s last frame with `screens/<size>.<name>.txt`; a missing golden fails when
/// SNAPSHOT_TESTING_RECORD=never (CI) and is recorded otherwise.
@MainActor
func expectGolden(
  _ app: TestApp, _ name: String, fileID: StaticString = #fileID,
  filePath: StaticString = #filePath,
  line: UInt = #line, column: UInt = #column
) {
  let size = app.terminal.size
  let failure = verifySnapshot(
    of: app.screen + "\n", as: .lines, named: name, snapshotDirectory: goldenDirectory,
    fileID: fileID, file: filePath, testName: "\(size.width)x\(size.height)", line: line,
    column: column)
  if let failure {
    Issue.record(
      Comment(rawValue: failure),
      sourceLocation: SourceLocation(
        fileID: String(describing: fileID), filePath: String(describing: filePath),
        line: Int(line), column: Int(column)))
  }
}

/// `<repo>/screens`, found from this file's path.
let goldenDirectory: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()  // Support
  .deletingLastPathComponent()  // BookingTUITests
  .deletingLastPathComponent()  // Tests
  .deletingLastPathComponent()  // repo
  .appendingPathComponent("screens").path
