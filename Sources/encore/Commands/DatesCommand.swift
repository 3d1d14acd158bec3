import ArgumentParser
import BookingEngine

/// `encore dates CONCERT`: the performances and what is left.
struct DatesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dates",
    abstract: "List a concert's dates with the seats left.",
    discussion: """
      Needs your place in the queue to have been let in (encore queue join CONCERT --wait). \
      The DATE column is the number `encore seats` and `encore hold` take.

      Example:
        encore dates garden
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  func run() async throws {
    try await Runner.run(options, command: "dates", json: output.json) { session in
      let id = ConcertID(concert)
      let dates = try await session.withCaller(for: id) { caller in
        try await session.engine.dates(of: id, caller)
      }
      if output.json { return Output.json(DatesOutput(concert: id, dates: dates)) }
      var table = Table(["DATE", "STARTS", "LEFT", "OF", "STATUS"], rightAligned: [0, 2, 3])
      for date in dates {
        table.add([
          "\(date.id)", Times.text(date.startsAt), Won.grouped(date.seatsLeft),
          Won.grouped(date.seatCount), Self.status(date.availability),
        ])
      }
      Output.line(table.render())
      if let open = dates.first(where: { $0.availability == .onSale }) {
        Output.note("Next: encore seats \(open.id)")
      }
    }
  }

  static func status(_ availability: ConcertDate.Availability) -> String {
    switch availability {
    case .onSale: "on sale"
    case .soldOut: "sold out"
    case .past: "past"
    }
  }
}
