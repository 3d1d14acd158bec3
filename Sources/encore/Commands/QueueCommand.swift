import ArgumentParser

/// `encore queue`: the waiting line in front of each concert's sale.
struct QueueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "queue",
    abstract: "Join a concert's waiting line or see where you stand.",
    discussion: """
      Your place in line (a token) is kept in $XDG_STATE_HOME/encore, like a browser \
      cookie, so later commands (dates, seats, hold, pay) use it without being told.

      Example:
        encore queue join garden --wait
        encore queue status garden
      """,
    subcommands: [
      QueueJoinCommand.self, QueueStatusCommand.self, QueueLeaveCommand.self,
      QueueRulesCommand.self,
    ])
}
