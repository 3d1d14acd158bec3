import ArgumentParser
import Foundation

/// The `encore` program: the TUI by default, every operation as a scriptable subcommand.
@main
struct Encore: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "encore",
    abstract: "Book concert seats from a terminal.",
    discussion: """
      With no subcommand, encore opens the full-screen app. Every step of a booking is \
      also a subcommand, so a script can do it too:

        encore queue join garden --wait
        encore dates garden
        encore seats 2
        encore hold 2 14 15
        encore points charge 300000
        encore pay 1
        encore tickets

      Global options (--database, --user, --verbose) may come before or after the \
      subcommand. Add --json to a command for one JSON object on standard output. \
      Exit status: 0 on success, 1 when the booking engine refuses (the reason is on \
      standard error), 64 for a mistake in the arguments.
      """,
    version: "0.1.0",
    subcommands: [
      TUICommand.self,
      ConcertsCommand.self,
      QueueCommand.self,
      DatesCommand.self,
      SeatsCommand.self,
      HoldCommand.self,
      ReleaseCommand.self,
      PayCommand.self,
      PointsCommand.self,
      TicketsCommand.self,
      DemoCommand.self,
      SimulateCommand.self,
      BoxOfficeCommand.self,
      OperatorsCommand.self,
    ],
    defaultSubcommand: TUICommand.self
  )

  /// Parses with the global options allowed before the subcommand, runs the command, and
  /// prints any error with its control characters escaped.
  static func main() async {
    let arguments = LeadingOptions.reordered(
      Array(CommandLine.arguments.dropFirst()), root: Encore.self)
    do {
      var command = try parseAsRoot(arguments)
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      let text = fullMessage(for: error)
      if !text.isEmpty {
        if code == .success {
          print(text)
        } else {
          FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
        }
      }
      Foundation.exit(code.rawValue)
    }
  }
}
