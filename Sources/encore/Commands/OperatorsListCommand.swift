import ArgumentParser
import BookingEngine

/// `encore operators list`.
struct OperatorsListCommand: AsyncParsableCommand {
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
