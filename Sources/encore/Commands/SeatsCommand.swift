import ArgumentParser
import BookingEngine

/// `encore seats DATE`: the seat map of one date.
struct SeatsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seats",
    abstract: "Show the seat map of a date, with prices.",
    discussion: """
      DATE is the number in the DATE column of `encore dates`. Each free seat shows the \
      first letter of its price tier; a seat's label is its row and number (14 in a small \
      hall, C12 in a large one), as `encore hold` takes it.

      Example:
        encore seats 2
        encore seats 2 --json | jq -r '.seats[] | select(.state == "available") | .label'
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The date's number, from `encore dates`.")
  var date: Int64

  func run() async throws {
    try await Runner.run(options, command: "seats", json: output.json) { session in
      let (map, _) = try await session.seatMap(of: DateID(date))
      if output.json { return Output.json(SeatsOutput(map)) }
      Output.line(SeatMapText(map).render())
      Output.note("Next: encore hold \(date) SEAT...")
    }
  }
}
