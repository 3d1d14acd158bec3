import ArgumentParser
import BookingEngine
import Foundation

/// `encore simulate CONCERT --users N`: a crowd of synthetic buyers on the same database.
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Drive a crowd of synthetic buyers into a concert's queue.",
    discussion: """
      The simulated users join, check their place (rarely far back, more often as \
      their turn nears), some give up, and the admitted ones \
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

  @OptionGroup var crowd: CrowdOptions

  @Flag(help: "Run in simulated time, as fast as possible (best on a private --database).")
  var fast = false

  func validate() throws {
    guard users > 0 else { throw ValidationError("--users must be at least 1.") }
  }

  func run() async throws {
    try await Runner.run(options, command: "simulate", json: output.json) { session in
      var configuration = crowd.configuration(concert: ConcertID(concert), users: users)
      configuration.userPrefix = "sim\(Int(Date().timeIntervalSince1970) % 100_000)"
      let simulation = try await simulation(configuration, session: session)
      let progress = SimulationProgressLine()
      let summary = try await simulation.run { progress.show($0) }
      progress.finish()
      if output.json { return Output.json(SimulationOutput(summary)) }
      SimulationOutput.show(summary)
    }
  }

  private func simulation(_ configuration: CrowdSimulation.Configuration, session: Session)
    async throws -> CrowdSimulation
  {
    guard fast else { return CrowdSimulation(engine: session.engine, configuration: configuration) }
    let clock = ManualClock(Date())
    // Simulated buyers need no power-loss durability: on a file, commits skip the fsync.
    let engine = try await BookingEngine.open(
      database: session.database, clock: clock, durable: false)
    return CrowdSimulation(engine: engine, configuration: configuration) { date in
      if date > clock.now() { clock.set(date) }
    }
  }
}
