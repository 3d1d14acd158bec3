import ArgumentParser
import BookingEngine

/// `encore` with no subcommand: the full-screen app.
struct TUICommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tui",
    abstract: "Open the full-screen app (what `encore` does without a subcommand).",
    discussion: """
      Needs an interactive terminal. Your place in line is shared with the subcommands.

      Example:
        encore --user alice
      """)

  @OptionGroup var options: GlobalOptions

  func run() async throws {
    try await Runner.run(options, command: "tui", json: false) { session in
      // BookingTUI has no `EncoreApp` yet; once it does, this becomes:
      //   let terminal = try NcursesTerminal.start(); defer { terminal.stop() }
      //   try await EncoreApp(engine: session.engine, user: session.user).run(on: terminal)
      _ = session
      throw CLIError.tuiMissing
    }
  }
}
