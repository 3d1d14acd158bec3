import ArgumentParser
import BookingEngine

/// `encore queue leave CONCERT`: give up your place so the next person moves up.
struct QueueLeaveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leave",
    abstract: "Leave a concert's queue (or end your turn), freeing the place at once.",
    discussion: """
      Example:
        encore queue leave garden
      """)

  @OptionGroup var options: GlobalOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  func run() async throws {
    try await Runner.run(options, command: "queue leave", json: false) { session in
      let concert = ConcertID(concert)
      try await session.withCaller(for: concert) { caller in
        try await session.engine.leaveQueue(caller)
      }
      session.jar.remove(for: concert)
      Output.line("You left the queue for \(concert).")
    }
  }
}
