import ArgumentParser
import BookingEngine
import BookingTUI

/// `encore` with no subcommand: the full-screen app.
struct TUICommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tui",
    abstract: "Open the full-screen app (what `encore` does without a subcommand).",
    discussion: """
      Needs an interactive terminal. Joining a queue here or with `encore queue join` \
      gives the same place in line.

      Example:
        encore --user alice --database ./scratch.sqlite
      """)

  @OptionGroup var options: GlobalOptions

  func run() async throws {
    try await Runner.run(options, command: "tui", json: false) { session in
      try await Self.runApp(session)
    }
  }

  /// Starts the terminal (or explains why it cannot) and runs the app until the user quits.
  @MainActor
  private static func runApp(_ session: Session) async throws {
    let terminal = try NcursesTerminal.start()
    defer { terminal.stop() }
    session.logger.info("TUI started", metadata: ["size": "\(terminal.size)"])
    await EncoreApp(engine: session.engine, user: session.user, keeper: session.jar)
      .run(on: terminal)
    session.logger.info("TUI quit")
  }
}
