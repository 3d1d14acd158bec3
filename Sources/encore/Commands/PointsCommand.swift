import ArgumentParser

/// `encore points`: the balance you pay with.
struct PointsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "points",
    abstract: "Show your points or add to them.",
    discussion: """
      Seats are paid with points; one point is one won.

      Example:
        encore points
        encore points charge 300000
      """,
    subcommands: [PointsBalanceCommand.self, PointsChargeCommand.self],
    defaultSubcommand: PointsBalanceCommand.self)
}
