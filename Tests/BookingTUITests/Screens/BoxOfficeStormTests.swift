import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// A seeded storm of the box office's own keys (answers, digits, resizes and the passing
/// of time) on a database file: nothing crashes, every frame fits the terminal, and the
/// line's rules stay valid. (No crowds: one on a line the storm has closed would wait, on
/// the test clock, for ever — as a real crowd waits until the line is resumed.)
@MainActor
@Suite struct BoxOfficeStormTests {
  static let keys: [Key] = [
    .character("p"), .character("+"), .character("-"), .character("c"), .character("w"),
    .character("y"), .character("y"), .character("n"), .character("0"),
    .character("7"), .character("3"), .character("x"), .enter, .enter, .backspace, .escape,
    .ctrl("u"), .function(1), .character("?"),
  ]

  @Test func aStormOfOperatorKeysBreaksNothing() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-box-storm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let clock = ManualClock(TestApp.start)
    let engine = try BookingEngine.open(
      path: directory.appendingPathComponent("storm.sqlite").path, clock: clock, durable: false)
    try await engine.seedDemoCatalogIfEmpty()
    func open() -> EncoreApp {
      EncoreApp(
        boxOffice: "garden", engine: engine, user: "olga", timeZone: TimeZone(identifier: "UTC")!)
    }
    var app = open()
    var generator = SeededGenerator(seed: 13)
    for step in 0..<3_000 {
      if app.isFinished { app = open() }
      let roll = Int.random(in: 0..<100, using: &generator)
      switch roll {
      case 0..<85: app.send(Self.keys.randomElement(using: &generator)!)
      case 85..<92:
        clock.advance(by: Double.random(in: 0.2...30, using: &generator))
        app.tick()
      default:
        let sizes = [Size(80, 24), Size(120, 40), Size(79, 23), Size(100, 30), Size(30, 10)]
        app.handle(.resize(sizes.randomElement(using: &generator)!))
      }
      if step % 8 == 0 {
        await app.settle()
        for size in [Size(80, 24), Size(120, 40)] {
          let frame = app.render(size: size)
          try #require(frame.lines.allSatisfy { TextWidth.width(of: $0) <= size.width })
        }
      }
    }
    await app.settle()
    let rules = try await engine.queuePolicy(concert: "garden")
    try rules.validate()
    #expect(rules != QueuePolicy(engine.policy), "the storm should have changed some rule")
    #expect(try await engine.audit().isClean)
  }
}
