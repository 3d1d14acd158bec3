import ArgumentParser
import BookingEngine
import Foundation

/// `encore simulate CONCERT --users N`: a crowd of synthetic buyers on the same database.
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Drive a crowd of synthetic buyers into a concert's queue.",
    discussion: """
      The simulated users join, poll every second, some give up, and the admitted ones \
      hold seats and pay — through the same database, so a person running `encore` in \
      another terminal sees their position fall and seats fill in live. A progress line \
      runs on standard error; the summary (admitted per second, ETA error, seats sold, \
      double sales found) is printed at the end.

      Example:
        encore queue rules aurora --capacity 50 --rate 300
        encore simulate aurora --users 2000 --arrival-rate 20/s --abandon 10% --buy 40%
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  @Option(help: "How many synthetic users arrive.")
  var users: Int

  @Option(help: "Mean arrivals per second, e.g. 20 or 20/s.")
  var arrivalRate: PerSecond = PerSecond(20)

  @Option(help: "Share of waiters who give up and stop polling, e.g. 10%.")
  var abandon: Percent = Percent(10)

  @Option(help: "Share of admitted users who buy seats; the rest leave, e.g. 50%.")
  var buy: Percent = Percent(50)

  @Option(help: "Seconds an admitted user takes before holding seats.")
  var think: Double = 3

  @Option(help: "Seed of the crowd's random choices (the same seed, the same crowd).")
  var seed: UInt64 = 1

  @Flag(help: "Run in simulated time, as fast as possible (best on a private --database).")
  var fast = false

  func validate() throws {
    guard users > 0 else { throw ValidationError("--users must be at least 1.") }
    guard think >= 0 else { throw ValidationError("--think must be zero or more seconds.") }
  }

  func run() async throws {
    try await Runner.run(options, command: "simulate", json: output.json) { session in
      var configuration = CrowdSimulation.Configuration(concert: ConcertID(concert), users: users)
      configuration.arrivalsPerSecond = arrivalRate.value
      configuration.abandonShare = abandon.fraction
      configuration.buyShare = buy.fraction
      configuration.thinkTime = think
      configuration.seed = seed
      configuration.userPrefix = "sim\(Int(Date().timeIntervalSince1970) % 100_000)"
      let simulation = try simulation(configuration, session: session)
      let progress = SimulationProgressLine()
      let summary = try await simulation.run { progress.show($0) }
      progress.finish()
      if output.json { return Output.json(SimulationOutput(summary)) }
      SimulationOutput.show(summary)
    }
  }

  private func simulation(_ configuration: CrowdSimulation.Configuration, session: Session) throws
    -> CrowdSimulation
  {
    guard fast else { return CrowdSimulation(engine: session.engine, configuration: configuration) }
    let clock = ManualClock(Date())
    // Simulated buyers need no power-loss durability: commits skip the fsync.
    let engine = try BookingEngine.open(path: session.databasePath, clock: clock, durable: false)
    return CrowdSimulation(engine: engine, configuration: configuration) { date in
      if date > clock.now() { clock.set(date) }
    }
  }

  /// A rate given as `20` or `20/s`.
  struct PerSecond: ExpressibleByArgument {
    var value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
      let number = argument.hasSuffix("/s") ? String(argument.dropLast(2)) : argument
      guard let value = Double(number), value > 0, value.isFinite else { return nil }
      self.value = value
    }
  }

  /// A share given as `10` or `10%`.
  struct Percent: ExpressibleByArgument {
    var fraction: Double

    init(_ percent: Double) { fraction = percent / 100 }

    init?(argument: String) {
      let number = argument.hasSuffix("%") ? String(argument.dropLast()) : argument
      guard let percent = Double(number), (0...100).contains(percent) else { return nil }
      fraction = percent / 100
    }
  }
}
