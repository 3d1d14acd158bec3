import ArgumentParser

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

      Add --json to a command for one JSON object on standard output. \
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
    ],
    defaultSubcommand: TUICommand.self
  )
}
