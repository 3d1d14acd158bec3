import BookingEngine
import Foundation
import Testing

/// The box office's read model: its numbers are the engine's, it stays live across
/// engines on one file, and a refresh re-reads only when something changed.
@Suite struct BoxOfficeViewTests {
  /// Aurora with room for two at once, no rate limit, a 10 s claim window.
  private func busyLine(_ store: Store, onDisk: Bool = false) async throws -> TestBed {
    let bed = try await TestBed(store, onDisk: onDisk)
    var rules = try await bed.engine.queuePolicy(concert: "aurora")
    rules.activeCapacity = 2
    rules.admissionsPerMinute = nil
    rules.claimWindow = 10
    try await bed.engine.setQueuePolicy(rules, concert: "aurora")
    return bed
  }

  @Test(arguments: Store.all) func theNumbersShownAreTheEnginesOwn(_ store: Store) async throws {
    let bed = try await busyLine(store)
    let engine = bed.engine
    // Ann and Ben are let in and claim; Cat, Dan, Eve and Fay wait.
    let ann = try await bed.admitted("ann", to: "aurora")
    _ = try await bed.admitted("ben", to: "aurora")
    var waiters: [Caller] = []
    for name in ["cat", "dan", "eve", "fay"] {
      let token = try await engine.issueToken(user: UserID(name), concert: "aurora")
      waiters.append(Caller(user: UserID(name), token: token.value))
    }
    // Ann holds two seats and pays; Ben holds three.
    let date = try await bed.onSaleDate(of: "aurora", ann)
    let free = try await engine.seats(on: date.id, ann).seats.filter(\.isAvailable)
    try await engine.charge(user: "ann", amount: 1_000_000)
    let paid = try await engine.pay(
      hold: try await engine.hold(seats: free.prefix(2).map(\.id), on: date.id, ann).id, ann)
    let ben = try await bed.admitted("ben", to: "aurora")
    _ = try await engine.hold(seats: free.dropFirst(2).prefix(3).map(\.id), on: date.id, ben)
    // Ann's payment let Cat in; Cat never claims and loses the turn; Dan gives up his place.
    try await engine.leaveQueue(waiters[1])
    bed.clock.advance(by: 11)
    _ = try await engine.queueStatus(waiters[2])  // the line moves: Cat's turn ends, Eve is in

    let office = try await engine.boxOffice(concert: "aurora", viewer: "olga")
    #expect(office.line.claimWindowLosses == 1)
    #expect(office.line.leftOrSwept == 1)
    #expect(office.line.paid == 1)
    #expect(office.line.waiting == 1)  // Fay
    #expect(office.line.active == 2)  // Ben and Eve
    #expect(office.line.admittedPerMinute.reduce(0, +) == 4)  // Ann, Ben, Cat, Eve
    #expect(office.line.admittedPerMinute.count == 10)
    #expect(office.line.rules == (try await engine.queuePolicy(concert: "aurora")))
    let sales = try #require(office.dates.first { $0.date.id == date.id })
    let map = try await engine.seats(on: date.id, ben)
    #expect(sales.sold == map.seats.count { $0.state == .sold })
    #expect(sales.held == 3)
    #expect(sales.free == map.seats.count { $0.state == .available })
    #expect(sales.revenue == paid.amount)
    #expect(office.revenue == paid.amount)
    #expect(sales.holdsExpiringSoon == 0)
    bed.clock.advance(by: bed.engine.policy.holdDuration - 30)
    let later = try await engine.refresh(office)
    #expect(later.dates.first { $0.date.id == date.id }?.holdsExpiringSoon == 1)
  }

  @Test(arguments: Store.all) func aNewcomerIsToldTheWaitTheBoxOfficeShows(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    var rules = try await bed.engine.queuePolicy(concert: "aurora")
    rules.activeCapacity = nil
    rules.admissionsPerMinute = 60
    try await bed.engine.setQueuePolicy(rules, concert: "aurora")
    var waiters: [Caller] = []
    for number in 0..<40 {
      let user = UserID("fan\(number)")
      let token = try await bed.engine.issueToken(user: user, concert: "aurora")
      waiters.append(Caller(user: user, token: token.value))
    }
    for _ in 0..<3 {
      bed.clock.advance(by: 6)
      _ = try await bed.engine.queueStatus(waiters[39])
    }
    let shown = try await bed.engine.boxOffice(concert: "aurora", viewer: "olga")
    let token = try await bed.engine.issueToken(user: "newcomer", concert: "aurora")
    let told = try await bed.engine.queueStatus(Caller(user: "newcomer", token: token.value))
    #expect(told.wait == shown.line.estimateForNewcomer)
    switch told.wait {
    case .about, .between: break
    case .notKnownYet, .paused: Issue.record("expected an estimate, got \(told.wait)")
    }
  }

  @Test(arguments: Store.all) func aHoldMadeByAnotherEngineShowsAfterOneRefresh(_ store: Store)
    async throws
  {
    let bed = try await busyLine(store, onDisk: true)
    let other = try await BookingEngine.open(database: bed.database, clock: bed.clock)
    let office = try await bed.engine.boxOffice(concert: "aurora", viewer: "olga")
    let token = try await other.issueToken(user: "zoe", concert: "aurora")
    let zoe = Caller(user: "zoe", token: token.value)
    let date = try #require(
      try await other.dates(of: "aurora", zoe).first { $0.availability == .onSale })
    let seats = try await other.seats(on: date.id, zoe).seats.filter(\.isAvailable).prefix(4)
    _ = try await other.hold(seats: seats.map(\.id), on: date.id, zoe)

    let refreshed = try await bed.engine.refresh(office)
    let before = try #require(office.dates.first { $0.date.id == date.id })
    let after = try #require(refreshed.dates.first { $0.date.id == date.id })
    #expect(after.held == before.held + 4)
    #expect(after.free == before.free - 4)
    #expect(refreshed.line.active == office.line.active + 1)
  }

  /// SQLite only: the lock held is the file's write lock.
  @Test func aRefreshWithNothingChangedReadsNothingAndNeedsNoWriteLock() async throws {
    let bed = try await busyLine(.sqlite, onDisk: true)
    _ = try await bed.admitted("ann", to: "aurora")
    let office = try await bed.engine.boxOffice(concert: "aurora", viewer: "olga")
    let lock = try WriteLockHolder(path: bed.engine.path)
    await lock.acquired()
    // Held throughout: a refresh that wanted the lock would throw after the busy timeout.
    let same = try await bed.engine.refresh(office)
    bed.clock.advance(by: BoxOffice.longestStaleness)
    let reread = try await bed.engine.refresh(office)
    lock.release()
    #expect(same == office)
    #expect(reread.readAt == bed.clock.now(), "time alone moves the view along")
    #expect(reread.line == office.line)
  }

  @Test(arguments: Store.all) func aPauseAndAnOperatorChangeShowAtTheNextRefresh(_ store: Store)
    async throws
  {
    let bed = try await busyLine(store)
    let office = try await bed.engine.boxOffice(concert: "aurora", viewer: "mallory")
    #expect(office.viewerMayAct && office.operatorCount == 0)
    try await bed.engine.change(.paused(true), concert: "aurora", by: "olga")
    try await bed.engine.addOperator("olga", by: "olga")
    let refreshed = try await bed.engine.refresh(office)
    #expect(refreshed.line.isPaused)
    #expect(refreshed.line.estimateForNewcomer == .paused)
    #expect(!refreshed.viewerMayAct && refreshed.operatorCount == 1)
  }
}
