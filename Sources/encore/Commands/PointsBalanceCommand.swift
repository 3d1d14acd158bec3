import ArgumentParser
import BookingEngine

/// `encore points [balance]`: the balance and every entry that made it.
struct PointsBalanceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "balance",
    abstract: "Show your balance and ledger (the default).",
    discussion: """
      Example:
        encore points
        encore points --json | jq .balance
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Runner.run(options, command: "points", json: output.json) { session in
      let account = try await session.engine.balance(user: session.user)
      if output.json { return Output.json(PointsOutput(account)) }
      Output.line("Balance: \(Won.text(account.balance))")
      guard !account.ledger.isEmpty else {
        return Output.note("No points yet. Add some: encore points charge 300000")
      }
      Output.line()
      var table = Table(["WHEN", "WHAT", "CHANGE", "BALANCE"], rightAligned: [2, 3])
      for entry in account.ledger {
        let what = entry.paymentID.map { "payment \($0)" } ?? entry.kind.rawValue
        let change = (entry.delta > 0 ? "+" : "") + Won.text(entry.delta)
        table.add([Times.text(entry.at), what, change, Won.text(entry.balanceAfter)])
      }
      Output.line(table.render())
    }
  }
}
