import ArgumentParser
import BookingEngine

/// `encore tickets`: what you have bought.
struct TicketsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tickets",
    abstract: "List the seats you have bought.",
    discussion: """
      Example:
        encore tickets
        encore tickets --json | jq -r '.tickets[].seat.label'
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Runner.run(options, command: "tickets", json: output.json) { session in
      let tickets = try await session.engine.tickets(user: session.user)
      if output.json { return Output.json(TicketsOutput(user: session.user, tickets: tickets)) }
      guard !tickets.isEmpty else {
        return Output.note("No tickets yet. Start with: encore concerts")
      }
      var table = Table(
        ["CONCERT", "STARTS", "SEAT", "TIER", "PRICE", "PAYMENT"], rightAligned: [4, 5])
      for ticket in tickets {
        table.add([
          ticket.concert.title, Times.text(ticket.startsAt), ticket.seat.label, ticket.seat.tier,
          Won.text(ticket.seat.price), "\(ticket.paymentID)",
        ])
      }
      Output.line(table.render())
    }
  }
}
