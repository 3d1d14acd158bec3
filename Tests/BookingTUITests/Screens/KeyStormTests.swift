import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// A seeded storm of input through the virtual terminal, on a real database file: the app
/// never crashes, every frame fits the terminal, the engine's audit stays clean, and every
/// point charged is an amount the storm typed and confirmed with Enter on the points screen.
@MainActor
@Suite struct KeyStormTests {
  /// Events the storm sends, at least (the issue asks for 100,000).
  static let events = 100_000

  @Test(arguments: [UInt64(8)])
  func aStormOfInputBreaksNothing(seed: UInt64) async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-storm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let clock = ManualClock(TestApp.start)
    let engine = try BookingEngine.open(
      path: directory.appendingPathComponent("storm.sqlite").path, clock: clock, durable: false)
    try await engine.seedDemoCatalogIfEmpty()
    try await engine.charge(user: "storm", amount: 400_000)
    let keeper = MemoryTokenKeeper()
    let terminal = VirtualTerminal(size: Size(80, 24))
    var app = Self.open(engine, keeper)
    var storm = KeyStorm(generator: SeededGenerator(seed: seed))
    var typedCharges: [Int64] = [400_000]
    var titles = Set<String>()
    var restarts = 0
    var events = 0
    let started = ContinuousClock.now

    var step = 0
    while events < Self.events {
      step += 1
      if app.isFinished {
        restarts += 1
        app = Self.open(engine, keeper)
        app.handle(.resize(terminal.size))  // as `run(on:)` does
      }
      switch storm.next() {
      case .raw(let bytes): terminal.send(raw: bytes)
      case .key(let key): terminal.send(key)
      case .click(let point): terminal.click(at: point)
      case .resize(let size): terminal.resize(to: size)
      case .wait(let seconds):
        clock.advance(by: seconds)
        app.tick()
      }
      while let event = terminal.nextEvent(timeout: .zero) {
        events += 1
        if event == .key(.enter), let amount = Self.amountAboutToBeCharged(app) {
          typedCharges.append(amount)
        }
        app.handle(event)
        if case .key(.enter) = event { await app.settle() }
      }
      if step % 32 == 0 {
        await app.settle()
        let frame = app.render(size: terminal.size)
        try #require(frame.size == terminal.size, "step \(step): \(frame.size) on \(terminal.size)")
        if step % 512 == 0 { try Self.expectLinesFit(frame, step: step) }
        if let title = app.topScreen?.title { titles.insert(title) }
      }
    }
    await app.settle()

    let elapsed = ContinuousClock.now - started
    print(
      "key storm seed \(seed): \(events) events, \(step) steps, \(restarts) restarts, "
        + "\(try await engine.tickets(user: "storm").count) tickets, \(elapsed)")
    #expect(try await engine.audit().isClean)
    let ledger = try await engine.balance(user: "storm").ledger
    #expect(ledger.count > 2, "the storm should have charged and paid something")
    var unconfirmed = typedCharges
    for charge in ledger where charge.kind == .charge {
      let index = try #require(
        unconfirmed.firstIndex(of: charge.delta), "charged \(charge.delta) won, never typed")
      unconfirmed.remove(at: index)
    }
    // The storm reached every kind of screen.
    for screen in ["Concerts", "Points", "Tickets", "Payment", "Aurora Live 2026 · Dates"] {
      #expect(titles.contains(screen), "never saw \(screen): \(titles.sorted())")
    }
    #expect(titles.contains { $0.hasPrefix("Aurora Live 2026 · ") && $0.hasSuffix("19:00") })
  }

  private static func open(_ engine: BookingEngine, _ keeper: MemoryTokenKeeper) -> EncoreApp {
    EncoreApp(
      engine: engine, user: "storm", keeper: keeper, timeZone: TimeZone(identifier: "UTC")!)
  }

  /// The amount Enter would charge now: the points screen is on top of a big enough terminal,
  /// no help covers it, and its field reads as an amount.
  private static func amountAboutToBeCharged(_ app: EncoreApp) -> Int64? {
    guard let points = app.topScreen as? PointsScreen, !app.showingHelp,
      app.size.covers(TooSmallScreen.minimumSize)
    else { return nil }
    return try? Won.parse(points.field.text)
  }

  /// Every row of the frame, as text, fits the frame's width.
  private static func expectLinesFit(_ frame: Canvas, step: Int) throws {
    let lines = frame.lines
    try #require(lines.count == frame.size.height, "step \(step)")
    for line in lines {
      try #require(TextWidth.width(of: line) <= frame.size.width, "step \(step): \(line)")
    }
  }
}
