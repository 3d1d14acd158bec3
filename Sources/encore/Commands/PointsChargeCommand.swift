import ArgumentParser
import BookingEngine

/// `encore points charge AMOUNT`: add points.
struct PointsChargeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "charge",
    abstract: "Add points to your balance.",
    discussion: """
      AMOUNT is a whole number of won written in digits; commas or underscores between \
      digits are fine. One charge may add at most 1,000,000 won.

      Example:
        encore points charge 300000
        encore points charge 1,000,000 --json
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  // Captures everything unrecognised so that `-5` reaches validate() as a value instead of
  // being rejected as an unknown option.
  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp("Won to add, such as 300000.", valueName: "amount"))
  var words: [String] = []

  func validate() throws {
    _ = try Self.amount(words)
  }

  func run() async throws {
    let amount = try Self.amount(words)
    try await Runner.run(options, command: "points charge", json: output.json) { session in
      let entry = try await session.engine.charge(user: session.user, amount: amount)
      session.logger.info("charged points", metadata: ["amount": "\(amount)"])
      if output.json { return Output.json(ChargeOutput(entry)) }
      Output.line("Charged \(Won.text(entry.delta)). Balance: \(Won.text(entry.balanceAfter))")
    }
  }

  /// The one amount in `words`, or a `ValidationError` saying how to write it.
  static func amount(_ words: [String]) throws -> Int64 {
    guard words.count == 1, let word = words.first else {
      let got = words.isEmpty ? "nothing" : words.joined(separator: " ")
      throw ValidationError("Give one amount in won, such as 300000 (got \(got)).")
    }
    do {
      return try Won.parse(word)
    } catch {
      throw ValidationError(error.description)
    }
  }
}
