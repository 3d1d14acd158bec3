import BookingEngine
import Foundation
import Testing

/// Positions against a brute-force model of the line, under random interleavings of
/// join, poll, leave, use and expiry driven by a seeded generator.
@Suite struct QueueModelTests {
  struct Model {
    var waiting: [UserID] = []
    var active: [UserID: Date] = [:]
    var callers: [UserID: Caller] = [:]
    let capacity: Int
    let idle: TimeInterval

    mutating func admit(now: Date) {
      active = active.filter { $0.value > now }
      while active.count < capacity, !waiting.isEmpty {
        active[waiting.removeFirst()] = now.addingTimeInterval(idle)
      }
    }
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func positionsMatchTheModel(seed: UInt64) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 3
    policy.activeIdleTimeout = 60
    policy.waitingGracePeriod = 86_400
    let bed = try await TestBed(policy: policy)
    let dice = SeededRandomSource(seed: seed)
    var model = Model(capacity: 3, idle: 60)
    let users = (0..<30).map { UserID("u\($0)") }

    for _ in 0..<200 {
      let user = users[Int(dice.next() % UInt64(users.count))]
      let live = model.waiting.contains(user) || model.active[user] != nil
      switch dice.next() % 6 {
      case 0, 1, 2:
        let token = try await bed.engine.issueToken(user: user, concert: "garden")
        if live {
          #expect(token.value != model.callers[user]?.token, "joining again rotates the token")
          model.callers[user] = Caller(user: user, token: token.value)
          if model.active[user] != nil {  // coming back counts as using the turn
            model.active[user] = bed.clock.now().addingTimeInterval(60)
          }
        } else {
          model.callers[user] = Caller(user: user, token: token.value)
          model.waiting.append(user)
        }
      case 3 where live:
        try await bed.engine.leaveQueue(model.callers[user]!)
        model.waiting.removeAll { $0 == user }
        model.active[user] = nil
      case 4 where model.active[user] != nil:
        _ = try await bed.engine.dates(of: "garden", model.callers[user]!)
        model.active[user] = bed.clock.now().addingTimeInterval(60)
      default:
        bed.clock.advance(by: Double(dice.next() % 40))
      }
      model.admit(now: bed.clock.now())

      for (index, user) in model.waiting.enumerated() {
        let status = try await bed.engine.queueStatus(model.callers[user]!)
        #expect(status.state == .waiting(position: index + 1, ahead: index), "\(user)")
        #expect(status.waitingCount == model.waiting.count)
      }
      for user in model.active.keys {
        #expect(try await bed.engine.queueStatus(model.callers[user]!).isActive, "\(user)")
      }
    }
  }

  @Test func earlyArrivalsAreDrawnAtRandomAtOpeningAndLateOnesQueueBehind() async throws {
    func run(seed: UInt64) async throws -> (early: [Int], late: [Int]) {
      var policy = BookingPolicy()
      policy.activeCapacity = 0
      let clock = ManualClock(TestBed.start)
      let engine = try BookingEngine.inMemory(
        policy: policy, clock: clock, random: SeededRandomSource(seed: seed))
      let opens = TestBed.start.addingTimeInterval(600)
      var catalog = DemoCatalog.make(now: TestBed.start)
      catalog.concerts = [catalog.concerts[0]]
      catalog.concerts[0].saleOpensAt = opens
      try await engine.seed(catalog)

      var early: [Caller] = []
      for index in 0..<20 {
        let user = UserID("early\(index)")
        let caller = Caller(
          user: user, token: try await engine.issueToken(user: user, concert: "garden").value)
        #expect(try await engine.queueStatus(caller).state == .beforeOpening(opensAt: opens))
        early.append(caller)
        clock.advance(by: 1)  // hammering earlier gains nothing
      }
      await expectRefusal(.saleNotOpen(opensAt: opens)) {
        try await engine.dates(of: "garden", early[0])
      }
      clock.set(opens)
      var late: [Caller] = []
      for index in 0..<5 {
        let user = UserID("late\(index)")
        late.append(
          Caller(
            user: user, token: try await engine.issueToken(user: user, concert: "garden").value))
      }
      func position(_ caller: Caller) async throws -> Int {
        guard case .waiting(let position, _) = try await engine.queueStatus(caller).state else {
          return -1
        }
        return position
      }
      var earlyPositions: [Int] = []
      for caller in early { earlyPositions.append(try await position(caller)) }
      var latePositions: [Int] = []
      for caller in late { latePositions.append(try await position(caller)) }
      return (earlyPositions, latePositions)
    }

    let first = try await run(seed: 42)
    #expect(first.early.sorted() == Array(1...20), "a permutation of the first 20 places")
    #expect(first.early != Array(1...20), "not simply arrival order")
    #expect(first.late == Array(21...25), "after opening: first come, first served")
    let again = try await run(seed: 42)
    #expect(again.early == first.early, "the draw comes from the injected random source")
    let other = try await run(seed: 7)
    #expect(other.early != first.early)
  }

  @Test(arguments: Store.all) func aLinesRulesLiveInTheDatabaseForEveryProcess(_ store: Store)
    async throws
  {
    let path = store.freshDatabase()
    var strict = BookingPolicy()
    strict.activeCapacity = 1
    let first = try await BookingEngine.open(database: path, policy: strict)
    let second = try await BookingEngine.open(database: path)  // default capacity 100
    try await first.seedDemoCatalogIfEmpty()
    let a = try await first.issueToken(user: "a", concert: "garden")
    let b = try await second.issueToken(user: "b", concert: "garden")
    #expect(try await second.queueStatus(Caller(user: "a", token: a.value)).isActive)
    #expect(
      try await second.queueStatus(Caller(user: "b", token: b.value)).state
        == .waiting(position: 1, ahead: 0))

    var wider = try await second.queuePolicy(concert: "garden")
    #expect(wider.activeCapacity == 1)
    wider.activeCapacity = 2
    try await second.setQueuePolicy(wider, concert: "garden")
    #expect(try await first.queueStatus(Caller(user: "b", token: b.value)).isActive)
    #expect(try await first.queuePolicy(concert: "garden") == wider)
  }

  @Test(arguments: Store.all) func pausedAdmissionLetsNobodyIn(_ store: Store) async throws {
    let bed = try await TestBed(store)
    try await bed.engine.setAdmissionPaused(true, concert: "garden")
    let token = try await bed.engine.issueToken(user: "alice", concert: "garden")
    let alice = Caller(user: "alice", token: token.value)
    bed.clock.advance(by: 30)
    #expect(try await bed.engine.queueStatus(alice).state == .waiting(position: 1, ahead: 0))
    try await bed.engine.setAdmissionPaused(false, concert: "garden")
    #expect(try await bed.engine.queueStatus(alice).isActive)
    await expectRefusal(.unknownConcert("nope")) {
      try await bed.engine.setAdmissionPaused(true, concert: "nope")
    }
  }

  @Test(arguments: Store.all) func theRateLimitLetsInAtMostRPerMinuteEvenly(_ store: Store)
    async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.admissionsPerMinute = 5
    let bed = try await TestBed(store, policy: policy)
    var callers: [Caller] = []
    for index in 0..<12 {
      callers.append(try await bed.joined(UserID("u\(index)")))
    }
    func activeCount() async throws -> Int {
      var count = 0
      for caller in callers where try await bed.engine.queueStatus(caller).isActive { count += 1 }
      return count
    }
    // One every 12 seconds, never a minute's worth at once.
    #expect(try await activeCount() == 1)
    var counts: [Int] = []
    for _ in 0..<10 {
      bed.clock.advance(by: 6)
      counts.append(try await activeCount())
    }
    #expect(counts == [1, 2, 2, 3, 3, 4, 4, 5, 5, 6])
  }

  @Test(arguments: Store.all) func thePaceShownNeverExceedsTheRateRule(_ store: Store)
    async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.admissionsPerMinute = 60  // six every six seconds, each six let in at once
    let bed = try await TestBed(store, policy: policy)
    var last: Caller?
    for index in 0..<40 {
      last = try await bed.joined(UserID("u\(index)"))
    }
    var shown: [Int] = []
    for _ in 0..<30 {
      bed.clock.advance(by: 1)
      shown.append(try await bed.engine.queueStatus(try #require(last)).admittedLastMinute)
    }
    #expect(shown.contains { $0 > 0 }, "the pace is known after the warm-up")
    #expect(shown.allSatisfy { $0 <= 60 }, "\(shown)")
  }

  @Test(arguments: Store.all) func theEstimateFollowsTheObservedFlow(_ store: Store) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    let bed = try await TestBed(store, policy: policy)
    var callers: [Caller] = []
    for index in 0..<60 {
      callers.append(try await bed.joined(UserID("u\(index)")))
    }
    let last = callers[59]
    #expect(
      try await bed.engine.queueStatus(last).estimatedWait == nil, "estimating until flow is seen")
    // One person every 6 seconds: 10 a minute.
    for index in 0..<30 {
      bed.clock.advance(by: 6)
      try await bed.engine.leaveQueue(callers[index])
    }
    let status = try await bed.engine.queueStatus(last)
    guard case .waiting(let position, _) = status.state else {
      Issue.record("still waiting expected")
      return
    }
    let eta = try #require(status.estimatedWait)
    let truth = Double(position) * 6
    #expect(abs(eta - truth) / truth < 0.15, "eta \(eta) s vs \(truth) s")
    #expect((9...11).contains(status.admittedLastMinute))
  }
}
