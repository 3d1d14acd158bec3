import ArgumentParser
import BookingEngine

/// `encore pay HOLD`: buy the held seats with points.
struct PayCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pay",
    abstract: "Pay for a hold with your points; the seats become your tickets.",
    discussion: """
      Paying uses up your place in the queue: join again to buy more. Paying a paid hold \
      again shows the first payment and charges nothing. Short of points? Add some with \
      `encore points charge AMOUNT`.

      Example:
        encore pay 17
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The hold's number, from `encore hold`.")
  var hold: Int64

  func run() async throws {
    try await Runner.run(options, command: "pay", json: output.json) { session in
      let held = try await session.engine.hold(HoldID(hold), user: session.user)
      let payment = try await session.withCaller(for: held.concertID) { caller in
        try await session.engine.pay(hold: HoldID(hold), caller)
      }
      session.logger.info(
        "paid",
        metadata: ["hold": "\(hold)", "payment": "\(payment.id)", "amount": "\(payment.amount)"])
      if output.json { return Output.json(PaymentOutput(payment)) }
      let labels = payment.seats.map(\.label).joined(separator: ", ")
      Output.line("Paid \(Won.text(payment.amount)) for seats \(labels) (payment \(payment.id)).")
      Output.line("Balance: \(Won.text(payment.balanceAfter))")
      Output.note("Next: encore tickets")
    }
  }
}
