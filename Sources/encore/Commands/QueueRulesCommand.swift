import ArgumentParser
import BookingEngine

/// `encore queue rules CONCERT`: an operator's view and switches of a line.
struct QueueRulesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Show or change how a concert's queue lets people in (for operators).",
    discussion: """
      The rules live in the database, so every terminal and process admits by them.
      A limit of "none" removes it.

      Example:
        encore queue rules aurora --capacity 50 --rate 600
        encore queue rules aurora --pause
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  @Option(help: "At most this many booking at once (a number, or none).")
  var capacity: Limit?

  @Option(help: "At most this many let in per minute (a number, or none).")
  var rate: Limit?

  @Option(help: "Seconds an admitted user may stay idle before losing the turn.")
  var idleTimeout: Int?

  @Option(help: "Seconds a waiter may go unheard before leaving the line.")
  var grace: Int?

  @Option(help: "Seconds an admitted user has to make a first booking call, or lose the turn.")
  var claimWindow: Int?

  @Option(help: "Seconds a turn may last at most, however busy the user is.")
  var longestTurn: Int?

  @Flag(help: "Stop letting people in (the line keeps its order).")
  var pause = false

  @Flag(help: "Start letting people in again.")
  var resume = false

  func validate() throws {
    if pause && resume { throw ValidationError("Choose --pause or --resume, not both.") }
    for (name, seconds) in [
      ("--idle-timeout", idleTimeout), ("--grace", grace), ("--claim-window", claimWindow),
      ("--longest-turn", longestTurn),
    ] {
      if let seconds, seconds <= 0 {
        throw ValidationError("\(name) must be a positive number of seconds.")
      }
    }
  }

  func run() async throws {
    try await Runner.run(options, command: "queue rules", json: output.json) { session in
      let concert = ConcertID(concert)
      var rules = try await session.engine.queuePolicy(concert: concert)
      if let capacity { rules.activeCapacity = capacity.value }
      if let rate { rules.admissionsPerMinute = rate.value }
      if let idleTimeout { rules.activeIdleTimeout = Double(idleTimeout) }
      if let grace { rules.waitingGracePeriod = Double(grace) }
      if let claimWindow { rules.claimWindow = Double(claimWindow) }
      if let longestTurn { rules.longestTurn = Double(longestTurn) }
      // Changes are checked against the operator list (open while it is empty), as the
      // user. Pause before widening the rules, so nobody slips in between.
      let engine = session.engine
      if pause { try await engine.change(.paused(true), concert: concert, by: session.user) }
      if rules != (try await engine.queuePolicy(concert: concert)) {
        try await engine.setQueuePolicy(rules, concert: concert, by: session.user)
      }
      if resume { try await engine.change(.paused(false), concert: concert, by: session.user) }
      if output.json { return Output.json(QueueRulesOutput(concert: concert, rules: rules)) }
      Output.line("Concert       \(concert)")
      Output.line("Capacity      \(rules.activeCapacity.map { Won.grouped($0) } ?? "no limit")")
      Output.line(
        "Rate          \(rules.admissionsPerMinute.map { "\(Won.grouped($0)) a minute" } ?? "no limit")"
      )
      Output.line("Idle timeout  \(Int(rules.activeIdleTimeout)) s")
      Output.line("Grace         \(Int(rules.waitingGracePeriod)) s")
      Output.line("Claim window  \(Int(rules.claimWindow)) s")
      Output.line("Longest turn  \(Int(rules.longestTurn)) s")
      if pause || resume { Output.line("Admission     \(pause ? "paused" : "running")") }
    }
  }

  /// A limit given on the command line: a whole number, or `none`.
  struct Limit: ExpressibleByArgument {
    var value: Int?

    init?(argument: String) {
      if argument.lowercased() == "none" {
        value = nil
      } else if let number = Int(argument), number >= 0 {
        value = number
      } else {
        return nil
      }
    }
  }
}

/// `encore queue rules --json`.
struct QueueRulesOutput: Encodable {
  var concert: String
  var activeCapacity: Int?
  var admissionsPerMinute: Int?
  var activeIdleTimeoutSeconds: Int
  var waitingGraceSeconds: Int
  var claimWindowSeconds: Int
  var longestTurnSeconds: Int

  private enum CodingKeys: String, CodingKey {
    case concert, activeCapacity, admissionsPerMinute, activeIdleTimeoutSeconds, waitingGraceSeconds
    case claimWindowSeconds, longestTurnSeconds
  }

  /// Writes absent limits as null: every key is always there.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(concert, forKey: .concert)
    try container.encode(activeCapacity, forKey: .activeCapacity)
    try container.encode(admissionsPerMinute, forKey: .admissionsPerMinute)
    try container.encode(activeIdleTimeoutSeconds, forKey: .activeIdleTimeoutSeconds)
    try container.encode(waitingGraceSeconds, forKey: .waitingGraceSeconds)
    try container.encode(claimWindowSeconds, forKey: .claimWindowSeconds)
    try container.encode(longestTurnSeconds, forKey: .longestTurnSeconds)
  }

  init(concert: ConcertID, rules: QueuePolicy) {
    self.concert = concert.rawValue
    activeCapacity = rules.activeCapacity
    admissionsPerMinute = rules.admissionsPerMinute
    activeIdleTimeoutSeconds = Int(rules.activeIdleTimeout)
    waitingGraceSeconds = Int(rules.waitingGracePeriod)
    claimWindowSeconds = Int(rules.claimWindow)
    longestTurnSeconds = Int(rules.longestTurn)
  }
}
