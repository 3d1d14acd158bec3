import Foundation

/// The simulated users and their pending events: the state of one simulation run.
struct Crowd {
  struct Event: Comparable {
    enum Kind { case arrive, poll, act }
    var at: Date
    var order: Int
    var user: Int
    var kind: Kind

    static func < (lhs: Event, rhs: Event) -> Bool { (lhs.at, lhs.order) < (rhs.at, rhs.order) }
  }

  struct Member {
    var name: UserID
    var caller: Caller?
    var abandonsAt: Date?
    var estimate: (wait: TimeInterval, at: Date)?
  }

  let engine: BookingEngine
  let configuration: CrowdSimulation.Configuration
  let dice: SeededRandomSource
  var members: [Member]
  var events = EventQueue()
  var lastWaiting = 0
  var arrived = 0
  var admitted = 0
  var abandoned = 0
  var lostPlaces = 0
  var polls = 0
  var seatsSold = 0
  var etaErrors: [Double] = []
  var waits: [CrowdSimulation.WaitSample] = []
  var refusals: [String: Int] = [:]

  init(engine: BookingEngine, configuration: CrowdSimulation.Configuration) {
    self.engine = engine
    self.configuration = configuration
    dice = SeededRandomSource(seed: configuration.seed)
    members = (0..<configuration.users).map {
      Member(name: UserID("\(configuration.userPrefix)-\($0)"))
    }
  }

  mutating func scheduleArrivals(from start: Date) {
    var at = start
    for user in members.indices {
      events.insert(Event(at: at, order: events.nextOrder, user: user, kind: .arrive))
      at = at.addingTimeInterval(-log(uniform()) / configuration.arrivalsPerSecond)
    }
  }

  mutating func handle(_ event: Event) async throws {
    let now = engine.clock.now()
    switch event.kind {
    case .arrive:
      let token = try await engine.issueToken(
        user: members[event.user].name, concert: configuration.concert)
      members[event.user].caller = Caller(user: members[event.user].name, token: token.value)
      arrived += 1
      // People give up at random moments of the wait: most soon, some after a long one.
      if uniform() < configuration.abandonShare {
        members[event.user].abandonsAt = now.addingTimeInterval(
          5 - log(uniform()) * configuration.patience)
      }
      try await poll(event.user, now: now, joining: true)
    case .poll:
      try await poll(event.user, now: now)
    case .act:
      try await act(event.user)
    }
  }

  private mutating func poll(_ user: Int, now: Date, joining: Bool = false) async throws {
    guard let caller = members[user].caller else { return }
    if let abandonsAt = members[user].abandonsAt, now >= abandonsAt {
      abandoned += 1  // stops polling; the line's grace period takes them out
      return
    }
    var status = try await engine.queueStatus(caller)
    polls += 1
    lastWaiting = status.waitingCount
    switch status.state {
    case .waiting, .beforeOpening:
      if members[user].estimate == nil, let wait = status.estimatedWait {
        members[user].estimate = (wait, now)
      }
      schedule(user, .poll, at: now.addingTimeInterval(nextPoll(after: status)))
    case .active:
      // One who gives up but is let in first has looked away by then and never claims;
      // the others claim at once, as the app does. Let in on joining, nobody has had a
      // wait to give up on (and joining claimed the turn).
      guard members[user].abandonsAt == nil || joining else {
        abandoned += 1
        return
      }
      let admittedAt = status.admittedAt ?? now
      status = try await engine.claimTurn(caller)
      guard status.isActive else {
        lostPlaces += 1
        return
      }
      admitted += 1
      if let estimate = members[user].estimate {
        // The wait ended when the line let them in, however late they noticed.
        let actual = admittedAt.timeIntervalSince(estimate.at)
        // A wait of a poll or two is too short for a share of it to mean anything.
        if actual >= 2 * configuration.pollInterval {
          etaErrors.append(abs(estimate.wait - actual) / actual)
          waits.append(CrowdSimulation.WaitSample(predicted: estimate.wait, actual: actual))
        }
      }
      schedule(user, .act, at: now.addingTimeInterval(configuration.thinkTime))
    case .used, .expired, .left:
      // Still checking, so still there: they looked too rarely to keep the place or turn.
      lostPlaces += 1
    }
  }

  /// An admitted user buys one or two seats, or leaves.
  private mutating func act(_ user: Int) async throws {
    guard let caller = members[user].caller else { return }
    guard uniform() < configuration.buyShare else {
      try await engine.leaveQueue(caller)
      return
    }
    do {
      try await engine.charge(user: caller.user, amount: 400_000)
      let dates = try await engine.dates(of: configuration.concert, caller).filter {
        $0.availability == .onSale && $0.seatsLeft > 0
      }
      guard !dates.isEmpty else { return try await engine.leaveQueue(caller) }
      let date = dates[Int(dice.next() % UInt64(dates.count))]
      let free = try await engine.seats(on: date.id, caller).seats.filter(\.isAvailable)
      guard !free.isEmpty else { return try await engine.leaveQueue(caller) }
      let first = Int(dice.next() % UInt64(free.count))
      let wanted = free[first..<min(free.count, first + 1 + Int(dice.next() % 2))].map(\.id)
      let hold = try await engine.hold(seats: wanted, on: date.id, caller)
      let payment = try await engine.pay(hold: hold.id, caller)
      seatsSold += payment.seats.count
    } catch let error as BookingError {
      refusals[error.code, default: 0] += 1
      try? await engine.leaveQueue(caller)
    }
  }

  /// Looks again after half the wait left (the estimate, or else the position over the
  /// admissions of the last minute): never sooner than `pollInterval`, never later than
  /// nine tenths of the grace period, so the place is kept. Halving closes in on the turn
  /// in a few checks however long the line, and a turn let in during a check's sleep is
  /// still claimed well within the claim window unless the estimate was twice too long
  /// (``CrowdSimulation/Summary/lostPlaces`` counts any that were not).
  private func nextPoll(after status: QueueStatus) -> TimeInterval {
    let longest = max(configuration.pollInterval, status.placeKeptFor * 0.9)
    var wait = status.estimatedWait
    if wait == nil, case .waiting(let position, _) = status.state, status.admittedLastMinute > 0 {
      wait = Double(position) * 60 / Double(status.admittedLastMinute)
    }
    return min(longest, max(configuration.pollInterval, (wait ?? 0) / 2))
  }

  private mutating func schedule(_ user: Int, _ kind: Event.Kind, at: Date) {
    events.insert(Event(at: at, order: events.nextOrder, user: user, kind: kind))
  }

  private func uniform() -> Double { Double(dice.next() >> 11) / Double(1 << 53) + 1e-12 }

  func progress(elapsed: TimeInterval) -> CrowdSimulation.Progress {
    CrowdSimulation.Progress(
      elapsed: elapsed, arrived: arrived, waiting: lastWaiting,
      admitted: admitted, abandoned: abandoned, seatsSold: seatsSold)
  }

  func summary(elapsed: TimeInterval, audit: SalesAudit) -> CrowdSimulation.Summary {
    let errors = etaErrors.sorted()
    func percentile(_ fraction: Double) -> Double? {
      errors.isEmpty ? nil : errors[min(errors.count - 1, Int(Double(errors.count) * fraction))]
    }
    return CrowdSimulation.Summary(
      elapsed: elapsed, arrived: arrived, admitted: admitted,
      abandoned: abandoned, lostPlaces: lostPlaces, polls: polls, seatsSold: seatsSold,
      admittedPerSecond: elapsed > 0 ? Double(admitted) / elapsed : 0,
      etaErrorMedian: percentile(0.5), etaErrorP90: percentile(0.9), etaSamples: errors.count,
      waits: waits, refusals: refusals, audit: audit)
  }
}

/// Pending events, earliest first (a binary heap).
struct EventQueue {
  private var heap: [Crowd.Event] = []
  private(set) var nextOrder = 0

  mutating func insert(_ event: Crowd.Event) {
    nextOrder += 1
    heap.append(event)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child] < heap[parent] else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> Crowd.Event? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let first = heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count && heap[left] < heap[smallest] { smallest = left }
      if right < heap.count && heap[right] < heap[smallest] { smallest = right }
      guard smallest != parent else { return first }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
