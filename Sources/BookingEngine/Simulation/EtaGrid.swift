import Foundation

/// The crowds the waiting room's estimate must stay honest under: a line bound by its
/// admission rate and one bound by its capacity, with 0 %, 10 % and 30 % of waiters
/// giving up, at any number of users. Each cell runs in simulated time on a private
/// in-memory engine.
///
/// For example:
///
/// ```swift
/// for cell in EtaGrid.cells(users: [2_000]) {
///   let summary = try await EtaGrid.run(cell)
///   print(cell.name, summary.etaErrorMedian ?? .nan)
/// }
/// ```
public enum EtaGrid {
  /// What limits how fast the line moves.
  public enum Line: String, Sendable, Hashable, CaseIterable {
    /// No capacity limit; 300 let in a minute.
    case rateBound = "rate-bound"
    /// At most 50 booking at once, no rate limit: the pace is how fast turns end.
    case capacityBound = "capacity-bound"
  }

  /// One crowd.
  public struct Cell: Sendable, Hashable {
    public var line: Line
    /// Share of waiters who give up and stop polling.
    public var abandonShare: Double
    public var users: Int

    public init(line: Line, abandonShare: Double, users: Int) {
      self.line = line
      self.abandonShare = abandonShare
      self.users = users
    }

    /// `rate-bound, 10 % give up, 2,000 users`.
    public var name: String {
      "\(line.rawValue), \(Int((abandonShare * 100).rounded())) % give up, \(users) users"
    }
  }

  /// The abandonment shares of the grid.
  public static let abandonShares: [Double] = [0, 0.1, 0.3]

  /// Every line and abandonment share, for each crowd size.
  public static func cells(users: [Int]) -> [Cell] {
    users.flatMap { count in
      Line.allCases.flatMap { line in
        abandonShares.map { Cell(line: line, abandonShare: $0, users: count) }
      }
    }
  }

  /// Runs one cell: 20 arrivals a second, 40 % of those let in buy after 20 s of choosing.
  public static func run(_ cell: Cell, seed: UInt64 = 2026) async throws -> CrowdSimulation.Summary
  {
    var policy = BookingPolicy()
    switch cell.line {
    case .rateBound:
      policy.activeCapacity = nil
      policy.admissionsPerMinute = 300
    case .capacityBound:
      policy.activeCapacity = 50
      policy.admissionsPerMinute = nil
    }
    let clock = ManualClock(Date(timeIntervalSince1970: 1_796_112_000))
    let engine = try BookingEngine.inMemory(policy: policy, clock: clock)
    try await engine.seedDemoCatalogIfEmpty()
    var configuration = CrowdSimulation.Configuration(concert: "aurora", users: cell.users)
    configuration.arrivalsPerSecond = 20
    configuration.abandonShare = cell.abandonShare
    configuration.buyShare = 0.4
    configuration.thinkTime = 20
    configuration.seed = seed
    return try await CrowdSimulation(engine: engine, configuration: configuration) { date in
      if date > clock.now() { clock.set(date) }
    }.run()
  }
}
