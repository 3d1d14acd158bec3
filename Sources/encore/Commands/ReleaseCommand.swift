import ArgumentParser
import BookingEngine

/// `encore release HOLD`: give held seats back now.
struct ReleaseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release",
    abstract: "Give a hold's seats back at once.",
    discussion: """
      Needs no place in the queue: a hold is always yours to drop.

      Example:
        encore release 17
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The hold's number, from `encore hold`.")
  var hold: Int64

  func run() async throws {
    try await Runner.run(options, command: "release", json: output.json) { session in
      try await session.engine.release(hold: HoldID(hold), user: session.user)
      session.logger.info("released a hold", metadata: ["hold": "\(hold)"])
      if output.json { return Output.json(ReleaseOutput(holdId: hold, released: true)) }
      Output.line("Released hold \(hold): its seats are free again.")
    }
  }
}
