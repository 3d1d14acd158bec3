import ArgumentParser
import BookingEngine

/// `encore operators add NAME`.
struct OperatorsAddCommand: AsyncParsableCommand {
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
