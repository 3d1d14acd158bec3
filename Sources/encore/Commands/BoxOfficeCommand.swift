import ArgumentParser
import BookingEngine
import BookingTUI

/// `encore box-office [CONCERT]`: an operator's full-screen, live view of a sale.
struct BoxOfficeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "box-office",
    abstract: "Watch and run a concert's sale in a full-screen operator view.",
    discussion: """
      The line (waiting, active against capacity, admissions a minute over the last ten \
      minutes, the wait a newcomer is told, lost turns, who left) and the sale (each \
      date's seats sold, held and free, revenue, holds about to run out), updated within \
      a second of any change by any process.

      Keys that act, each asked first (y/n): p pause or resume, + and - the admissions \
      a minute, c the capacity, w the claim window, s a crowd of synthetic buyers with the \
      settings below. Only an operator (see `encore operators`) may act; anyone may watch.

      Example:
        encore operators add olga --user olga
        encore box-office aurora --user olga --users 500 --arrival-rate 30/s
      """)

  @OptionGroup var options: GlobalOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it (default: the first).")
  var concert: String?

  @Option(help: "How many synthetic buyers `s` sends.")
  var users: Int = 200

  @OptionGroup var crowd: CrowdOptions

  func validate() throws {
    guard users > 0 else { throw ValidationError("--users must be at least 1.") }
  }

  func run() async throws {
    try await Runner.run(options, command: "box-office", json: false) { session in
      let id: ConcertID
      if let concert {
        id = ConcertID(concert)
        _ = try await session.engine.queuePolicy(concert: id)  // an unknown one is refused here
      } else {
        guard let first = try await session.engine.concerts().first else {
          throw BookingError.unknownConcert("")
        }
        id = first.id
      }
      let settings = crowd.configuration(concert: id, users: users)
      try await Self.runApp(session, concert: id, crowd: settings)
    }
  }

  @MainActor
  private static func runApp(
    _ session: Session, concert: ConcertID, crowd: CrowdSimulation.Configuration
  ) async throws {
    let terminal = try NcursesTerminal.start()
    defer { terminal.stop() }
    session.logger.info("box office started", metadata: ["concert": "\(concert)"])
    await EncoreApp(boxOffice: concert, engine: session.engine, user: session.user, crowd: crowd)
      .run(on: terminal)
    session.logger.info("box office quit")
  }
}
