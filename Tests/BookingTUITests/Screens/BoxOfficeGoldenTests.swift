import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// Sales for the box office's goldens, made with real engine calls on the test clock.
enum GoldenBoxOffice {
  private static func clock(_ engine: BookingEngine) -> ManualClock {
    engine.clock as! ManualClock
  }

  /// Aurora with room for 4 at once, 60 a minute and a 20 s claim window.
  static func narrowLine(_ engine: BookingEngine) async throws {
    var rules = try await engine.queuePolicy(concert: "aurora")
    rules.activeCapacity = 4
    rules.admissionsPerMinute = 60
    rules.claimWindow = 20
    try await engine.setQueuePolicy(rules, concert: "aurora")
  }

  /// A busy Aurora: over four minutes people are let in, some pay, some never claim,
  /// some give up; two holds run (one about to run out) and 30 people are waiting.
  static func busyLine(_ engine: BookingEngine) async throws {
    try await narrowLine(engine)
    let clock = clock(engine)
    var number = 0
    func join() async throws -> Caller {
      number += 1
      let user = UserID("fan\(number)")
      let token = try await engine.issueToken(user: user, concert: "aurora")
      return Caller(user: user, token: token.value)
    }
    func hold(_ count: Int, _ caller: Caller, pay: Bool) async throws {
      let date = try #require(
        try await engine.dates(of: "aurora", caller).first { $0.availability == .onSale })
      let seats = try await engine.seats(on: date.id, caller).seats.filter(\.isAvailable)
      let hold = try await engine.hold(
        seats: seats.dropFirst(number * 7).prefix(count).map(\.id), on: date.id, caller)
      guard pay else { return }
      try await engine.charge(user: caller.user, amount: 1_000_000)
      _ = try await engine.pay(hold: hold.id, caller)
    }
    // Two holders come first; the first holds now (their hold runs out at the end).
    let holders = [try await join(), try await join()]
    try await hold(3, holders[0], pay: false)
    _ = try await engine.claimTurn(holders[1])
    for minute in 0..<5 {
      if minute == 3 { try await hold(2, holders[1], pay: false) }
      var joined: [Caller] = []
      for _ in 0..<(3 + minute * 2) { joined.append(try await join()) }
      for (index, caller) in joined.enumerated() {
        let status = try await engine.queueStatus(caller)
        guard status.isActive else {
          if index % 4 == 3 { try await engine.leaveQueue(caller) }
          continue
        }
        if index % 3 == 2 { continue }  // never claims: loses the turn
        try await hold(2, caller, pay: true)
      }
      clock.advance(by: 50)
      for caller in joined { _ = try? await engine.queueStatus(caller) }
    }
    for _ in 0..<30 { _ = try await join() }
  }

  /// Aurora's line paused.
  static func pausedLine(_ engine: BookingEngine) async throws {
    try await busyLine(engine)
    try await engine.change(.paused(true), concert: "aurora", by: "olga")
  }

  /// Every date of the garden sold: 4 seats to each buyer.
  static func soldOutGarden(_ engine: BookingEngine) async throws {
    var number = 0
    while true {
      number += 1
      let user = UserID("buyer\(number)")
      let token = try await engine.issueToken(user: user, concert: "garden")
      let caller = Caller(user: user, token: token.value)
      guard
        let date = try await engine.dates(of: "garden", caller).first(where: {
          $0.availability == .onSale
        })
      else { return }
      let seats = try await engine.seats(on: date.id, caller).seats.filter(\.isAvailable)
      try await engine.charge(user: user, amount: 1_000_000)
      let hold = try await engine.hold(seats: seats.prefix(4).map(\.id), on: date.id, caller)
      _ = try await engine.pay(hold: hold.id, caller)
    }
  }
}

/// The box office at 80x24 and 120x40, compared with `screens/`.
@MainActor
@Suite struct BoxOfficeGoldenTests {
  static let sizes = [Size(80, 24), Size(120, 40)]

  private func golden(
    _ name: String, concert: ConcertID = "aurora",
    prepare: @escaping (BookingEngine) async throws -> Void
  ) async throws {
    for size in Self.sizes {
      let app = try await TestApp(user: "olga", size: size, boxOffice: concert) { engine in
        try await engine.addOperator("olga", by: "olga")
        try await prepare(engine)
      }
      expectGolden(app, name)
    }
  }

  @Test func quietLine() async throws {
    try await golden("box-office-quiet") { _ in }
  }

  @Test func busyLine() async throws {
    try await golden("box-office-busy", prepare: GoldenBoxOffice.busyLine)
  }

  @Test func pausedLine() async throws {
    try await golden("box-office-paused", prepare: GoldenBoxOffice.pausedLine)
  }

  @Test func soldOut() async throws {
    try await golden(
      "box-office-sold-out", concert: "garden", prepare: GoldenBoxOffice.soldOutGarden)
  }

  @Test func afterACrowd() async throws {
    var crowd = CrowdSimulation.Configuration(concert: "aurora", users: 60)
    crowd.arrivalsPerSecond = 5
    for size in Self.sizes {
      let app = try await TestApp(user: "olga", size: size, boxOffice: "aurora", crowd: crowd) {
        engine in
        try await engine.addOperator("olga", by: "olga")
        try await GoldenBoxOffice.narrowLine(engine)
      }
      await app.press(.character("s"), .character("y"))
      expectGolden(app, "box-office-crowd")
    }
  }
}
