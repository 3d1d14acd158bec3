import ArgumentParser
import BookingEngine
import Foundation

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
    subcommands: [ListCommand.self, AddCommand.self, RemoveCommand.self],
    defaultSubcommand: ListCommand.self)

  /// `encore operators list`.
  struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "Show the operator list.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
      try await Runner.run(options, command: "operators list", json: output.json) { session in
        let operators = try await session.engine.operators()
        if output.json { return Output.json(OperatorsOutput(operators)) }
        guard !operators.isEmpty else {
          return Output.line(
            "No operators yet: anyone who can write the database may change a sale. "
              + "Name the first with: encore operators add NAME")
        }
        var table = Table(["NAME", "ADDED", "BY"])
        for entry in operators {
          table.add([
            TerminalText.escaped(entry.name.rawValue), Times.text(entry.addedAt),
            TerminalText.escaped(entry.addedBy?.rawValue ?? "(first)"),
          ])
        }
        Output.line(table.render())
      }
    }
  }

  /// `encore operators add NAME`.
  struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Put a name on the operator list.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The user name to add.")
    var name: String

    func run() async throws {
      try await Runner.run(options, command: "operators add", json: false) { session in
        try await session.engine.addOperator(UserID(name), by: session.user)
        Output.line("\(TerminalText.escaped(name)) is an operator.")
      }
    }
  }

  /// `encore operators remove NAME`.
  struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Take a name off the operator list.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The user name to remove.")
    var name: String

    func run() async throws {
      try await Runner.run(options, command: "operators remove", json: false) { session in
        try await session.engine.removeOperator(UserID(name), by: session.user)
        Output.line("\(TerminalText.escaped(name)) is no longer an operator.")
      }
    }
  }
}

/// `encore operators list --json`.
struct OperatorsOutput: Encodable {
  struct Entry: Encodable {
    var name: String
    var addedAt: Date
    var addedBy: String?
  }

  var operators: [Entry]

  init(_ operators: [Operator]) {
    self.operators = operators.map {
      Entry(name: $0.name.rawValue, addedAt: $0.addedAt, addedBy: $0.addedBy?.rawValue)
    }
  }
}
