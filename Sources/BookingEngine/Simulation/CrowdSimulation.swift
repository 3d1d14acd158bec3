import Foundation

/// Synthetic buyers on a concert's line: they arrive, check their place (rarely far back,
/// more often as their turn nears), some give up, and the admitted ones hold seats and
/// pay — real engine calls on the shared database, so a person in another terminal sees the line move and the seats fill.
///
/// For example:
///
/// ```swift
/// let simulation = CrowdSimulation(engine: engine, configuration: .init(concert: "aurora", users: 500))
/// let summary = try await simulation.run { progress in print(progress.arrived) }
/// ```
public struct CrowdSimulation: Sendable {
  public struct Configuration: Sendable, Hashable {
    public var concert: ConcertID
    public var users: Int
    /// Mean arrivals per second (a Poisson process).
    public var arrivalsPerSecond: Double = 20
    /// Share of waiters who give up: they stop polling after a random wait, or if let in
    /// before that, never claim the turn.
    public var abandonShare: Double = 0.1
    /// How long, on average, those who give up wait first (exponentially distributed).
    public var patience: TimeInterval = 180
    /// Share of the admitted who buy; the others leave.
    public var buyShare: Double = 0.5
    public var pollInterval: TimeInterval = 1
    /// How long an admitted buyer takes before holding (or leaving).
    public var thinkTime: TimeInterval = 3
    public var seed: UInt64 = 1
    /// Simulated users are called `<prefix>-<n>`.
    public var userPrefix: String = "sim"

    public init(concert: ConcertID, users: Int) {
      self.concert = concert
      self.users = users
    }
  }

  /// Where the crowd stands, reported about once a second.
  public struct Progress: Sendable, Hashable {
    public var elapsed: TimeInterval
    public var arrived: Int
    public var waiting: Int
    public var admitted: Int
    public var abandoned: Int
    public var seatsSold: Int
  }

  public struct Summary: Sendable, Hashable {
    public var elapsed: TimeInterval
    public var arrived: Int
    public var admitted: Int
    public var abandoned: Int
    /// Users who kept checking yet lost their place or turn: checks too far apart for the
    /// line's grace period or claim window. 0 unless the crowd's own timing is wrong.
    public var lostPlaces: Int
    /// Status checks made by the whole crowd (most of a waiting user's cost).
    public var polls: Int
    public var seatsSold: Int
    public var admittedPerSecond: Double
    /// |predicted − actual| / actual over admitted users who got an estimate, the actual
    /// wait running from the estimate to the line's admission.
    public var etaErrorMedian: Double?
    public var etaErrorP90: Double?
    public var etaSamples: Int
    /// Each estimate given on joining beside the wait that followed, in admission order.
    public var waits: [WaitSample]
    public var refusals: [String: Int]
    public var audit: SalesAudit
  }

  /// What a waiter was told on joining, and how long they really waited (seconds).
  public struct WaitSample: Sendable, Hashable {
    public var predicted: TimeInterval
    public var actual: TimeInterval
  }

  let engine: BookingEngine
  let configuration: Configuration
  let waitUntil: @Sendable (Date) async throws -> Void

  /// - Parameter waitUntil: how to wait for the next event; by default the real time
  ///   passes. A simulation on a ``ManualClock`` moves the clock instead.
  public init(
    engine: BookingEngine, configuration: Configuration,
    waitUntil: (@Sendable (Date) async throws -> Void)? = nil
  ) {
    self.engine = engine
    self.configuration = configuration
    let clock = engine.clock
    self.waitUntil =
      waitUntil ?? { date in
        let seconds = date.timeIntervalSince(clock.now())
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
      }
  }

  public func run(progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Summary {
    var crowd = Crowd(engine: engine, configuration: configuration)
    let start = engine.clock.now()
    var nextReport = start
    crowd.scheduleArrivals(from: start)
    while let event = crowd.events.popFirst() {
      try await waitUntil(event.at)
      try await crowd.handle(event)
      let now = engine.clock.now()
      if now >= nextReport {
        progress(crowd.progress(elapsed: now.timeIntervalSince(start)))
        nextReport = now.addingTimeInterval(1)
      }
    }
    let elapsed = engine.clock.now().timeIntervalSince(start)
    progress(crowd.progress(elapsed: elapsed))
    return crowd.summary(elapsed: elapsed, audit: try await engine.audit())
  }
}
