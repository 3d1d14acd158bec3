import ArgumentParser
import BookingEngine
import BookingTUI
import Foundation

/// `encore queue join CONCERT`: take a place in line (or get back the one you have).
struct QueueJoinCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Join a concert's queue, or show your place if you are in line already.",
    discussion: """
      Joining twice keeps your place. With --wait, encore checks every second until you \
      are let in, showing your position and the expected wait on standard error.

      Example:
        encore queue join garden --wait
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  @Flag(name: .long, help: "Keep checking until you are let in (Ctrl-C to stop).")
  var wait = false

  func run() async throws {
    try await Runner.run(options, command: "queue join", json: output.json) { session in
      // The jar's place if it is still in line (the app's too), else a new one, kept in the jar.
      var status = try await session.jar.join(
        ConcertID(concert), user: session.user, engine: session.engine)
      session.logger.info("joined the queue", metadata: ["concert": "\(concert)"])
      if wait {
        status = try await QueueProgress.waitUntilAdmitted(status, session: session)
      }
      if output.json { return Output.json(QueueOutput(status)) }
      QueueStatusCommand.show(status)
    }
  }
}
