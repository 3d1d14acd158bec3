import ArgumentParser

/// `encore operators`: who may change how a sale runs.
struct OperatorsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operators",
    abstract: "List, add or remove the operators who may change how a sale runs.",
    discussion: """
      The list lives in the database. Whoever can write the database file names the \
      first operator; after that only an operator (--user) adds or removes names. While \
      the list is empty, anyone who can write the file may change a sale.

      Example:
        encore operators add olga --user olga
        encore operators add omar --user olga
        encore operators list
      """,
    subcommands: [
      OperatorsListCommand.self, OperatorsAddCommand.self, OperatorsRemoveCommand.self,
    ],
    defaultSubcommand: OperatorsListCommand.self)
}
