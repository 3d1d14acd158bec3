import ArgumentParser
import BookingEngine

/// `encore operators remove NAME`.
struct OperatorsRemoveCommand: AsyncParsableCommand {
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
