import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// The box office driven by keys: each acting key changes the one rule it names, a
/// non-operator changes nothing, and what it shows is what the engine holds.
@MainActor
@Suite struct BoxOfficeScreenTests {
  /// The box office of Aurora for `user`, with Olga as the only operator.
  static func boxOffice(
    _ user: UserID = "olga", size: Size = Size(80, 24),
    prepare: @escaping (BookingEngine) async throws -> Void = { _ in }
  ) async throws -> TestApp {
    try await TestApp(user: user, size: size, boxOffice: "aurora") { engine in
      try await engine.addOperator("olga", by: "olga")
      try await prepare(engine)
    }
  }

  private func rules(_ app: TestApp) async throws -> QueuePolicy {
    try await app.engine.queuePolicy(concert: "aurora")
  }

  private func isPaused(_ app: TestApp) async throws -> Bool {
    try await app.engine.boxOffice(concert: "aurora", viewer: "olga").line.isPaused
  }

  @Test func pPausesAndResumesAndChangesNoRule() async throws {
    let app = try await Self.boxOffice()
    let before = try await rules(app)
    await app.press(.character("p"))
    #expect(app.screen.contains("? Pause the line?"))
    #expect(try await !isPaused(app), "nothing happens before y")
    await app.press(.character("y"))
    #expect(try await isPaused(app))
    #expect(try await rules(app) == before)
    #expect(app.screen.contains("PAUSED"))
    await app.press(.character("p"), .character("y"))
    #expect(try await !isPaused(app))
    #expect(try await rules(app) == before)
  }

  @Test func plusAndMinusStepTheRateAndNothingElse() async throws {
    let app = try await Self.boxOffice { engine in
      var rules = try await engine.queuePolicy(concert: "aurora")
      rules.admissionsPerMinute = 60
      try await engine.setQueuePolicy(rules, concert: "aurora")
    }
    var expected = try await rules(app)
    await app.press(.character("+"))
    #expect(app.screen.contains("Let in 90 a minute (now 60 a minute)?"))
    await app.press(.character("y"))
    expected.admissionsPerMinute = 90
    #expect(try await rules(app) == expected)
    await app.press(.character("-"), .character("y"), .character("-"), .character("y"))
    expected.admissionsPerMinute = 30
    #expect(try await rules(app) == expected)
    #expect(try await !isPaused(app))
    #expect(app.screen.contains("up to 30 a minute"))
  }

  @Test func rateStepsGoThroughRoundNumbersToNoLimit() {
    #expect(BoxOfficeScreen.step(60, up: true, pace: 0) == .some(90))
    #expect(BoxOfficeScreen.step(12_000, up: true, pace: 0) == .some(nil))
    #expect(BoxOfficeScreen.step(nil, up: true, pace: 0) == nil)
    #expect(BoxOfficeScreen.step(nil, up: false, pace: 138) == .some(120))
    #expect(BoxOfficeScreen.step(nil, up: false, pace: 0) == .some(600))
    #expect(BoxOfficeScreen.step(1, up: false, pace: 0) == nil)
    #expect(BoxOfficeScreen.step(7, up: false, pace: 0) == .some(5))
  }

  @Test func cSetsTheCapacityAndNothingElse() async throws {
    let app = try await Self.boxOffice()
    var expected = try await rules(app)
    await app.press(.character("c"), .ctrl("u"))
    await app.type("7")
    await app.press(.enter)
    #expect(app.screen.contains("Let 7 book at once (now 100)?"))
    await app.press(.character("y"))
    expected.activeCapacity = 7
    #expect(try await rules(app) == expected)
    #expect(try await !isPaused(app))
    #expect(app.screen.contains("0 / 7"))
  }

  @Test func wSetsTheClaimWindowAndNothingElse() async throws {
    let app = try await Self.boxOffice()
    var expected = try await rules(app)
    await app.press(.character("w"), .ctrl("u"))
    await app.type("45")
    await app.press(.enter, .character("y"))
    expected.claimWindow = 45
    #expect(try await rules(app) == expected)
    #expect(try await !isPaused(app))
    #expect(app.screen.contains("Claim window  45 s"))
  }

  @Test func noOrEscChangesNothing() async throws {
    let app = try await Self.boxOffice()
    let before = try await rules(app)
    await app.press(.character("p"), .character("n"))
    await app.press(.character("-"), .escape)
    await app.press(.character("c"), .ctrl("u"))
    await app.type("3")
    await app.press(.enter, .character("n"))
    #expect(try await rules(app) == before)
    #expect(try await !isPaused(app))
    #expect(app.screen.contains("Nothing changed."))
    #expect(!app.app.isFinished)
  }

  @Test func escLeavesTheBoxOfficeWhenNothingIsAsked() async throws {
    let app = try await Self.boxOffice()
    await app.press(.character("p"), .escape)
    #expect(!app.app.isFinished, "the first Esc answers the question")
    await app.press(.escape)
    #expect(app.app.isFinished)
  }

  @Test func aNonOperatorsPChangesNothingAndSaysWhy() async throws {
    let app = try await Self.boxOffice("mallory")
    let before = try await rules(app)
    await app.press(.character("p"))
    #expect(app.screen.contains("mallory is not an operator of this sale"))
    #expect(!app.screen.contains("? Pause the line?"))
    await app.press(.character("y"))
    #expect(try await !isPaused(app))
    #expect(try await rules(app) == before)
    #expect(app.screen.contains("mallory · view only"))
  }

  @Test func aHoldByAnotherEngineOnTheFileShowsAfterOneRefresh() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-box-office-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("shared.sqlite").path
    let app = try await TestApp(user: "olga", boxOffice: "aurora", path: path)
    #expect(app.screen.contains("    0 held"))
    let other = try BookingEngine.open(path: path, clock: app.clock)
    let token = try await other.issueToken(user: "zoe", concert: "aurora")
    let zoe = Caller(user: "zoe", token: token.value)
    let date = try #require(
      try await other.dates(of: "aurora", zoe).first { $0.availability == .onSale })
    let free = try await other.seats(on: date.id, zoe).seats.filter(\.isAvailable)
    _ = try await other.hold(seats: free.prefix(3).map(\.id), on: date.id, zoe)
    await app.advance(by: BoxOfficeScreen.pollInterval)
    #expect(app.screen.contains("    3 held"))
    #expect(app.screen.contains("Active        1 / 100"))
  }

  @Test func theNumbersShownAreTheEngines() async throws {
    let app = try await Self.boxOffice(prepare: GoldenBoxOffice.busyLine)
    let office = try await app.engine.boxOffice(concert: "aurora", viewer: "olga")
    let screen = app.screen
    #expect(screen.contains("Waiting now     \(Format.grouped(office.line.waiting))"))
    #expect(screen.contains("Active        \(office.line.active) / 4"))
    #expect(screen.contains("Lost turns      \(office.line.claimWindowLosses) unclaimed"))
    #expect(screen.contains("Left or swept   \(office.line.leftOrSwept)"))
    #expect(screen.contains("Paid turns    \(office.line.paid)"))
    #expect(screen.contains("revenue " + Format.won(office.revenue)))
    let dates = DateText(timeZone: TimeZone(identifier: "UTC")!)
    for sales in office.dates {
      let day = dates.dayAndTime(sales.date.startsAt)
      let row = try #require(screen.split(separator: "\n").first { $0.contains(day) })
      #expect(row.contains("\(Format.grouped(sales.sold)) sold"))
      #expect(row.contains("\(Format.grouped(sales.held)) held"))
      #expect(row.contains("\(Format.grouped(sales.free)) free"))
    }
    #expect(office.line.waiting > 0 && office.line.claimWindowLosses > 0 && office.revenue > 0)
  }

  @Test func sStartsACrowdWhoseSummaryAndPlotShowWhenItEnds() async throws {
    var crowd = CrowdSimulation.Configuration(concert: "aurora", users: 60)
    crowd.arrivalsPerSecond = 5
    let app = try await TestApp(
      user: "olga", size: Size(120, 40), boxOffice: "aurora", crowd: crowd
    ) { engine in
      try await GoldenBoxOffice.narrowLine(engine)
    }
    await app.press(.character("s"))
    #expect(app.screen.contains("Start a crowd of 60 buyers · 5 a second"))
    await app.press(.character("y"))
    #expect(app.screen.contains("60 came"))
    #expect(app.screen.contains("audit clean"))
    #expect(app.screen.contains("ETA error median"))
    #expect(app.screen.contains("↑ predicted wait"))
    #expect(app.screen.contains("•"))
  }
}
