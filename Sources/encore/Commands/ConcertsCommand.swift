import ArgumentParser
import BookingEngine

/// `encore concerts`: what is on sale.
struct ConcertsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "concerts",
    abstract: "List the concerts on sale.",
    discussion: """
      Needs no place in the queue. The ID column is what the other commands take.

      Example:
        encore concerts
        encore concerts --json | jq -r '.concerts[].id'
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Runner.run(options, command: "concerts", json: output.json) { session in
      let concerts = try await session.engine.concerts()
      if output.json { return Output.json(ConcertsOutput(concerts)) }
      var table = Table(["ID", "TITLE", "VENUE", "SEATS"], rightAligned: [3])
      for concert in concerts {
        table.add([
          concert.id.rawValue, concert.title, concert.venue, Won.grouped(concert.seatCount),
        ])
      }
      Output.line(table.render())
      Output.note("Next: encore queue join \(concerts.first?.id.rawValue ?? "CONCERT")")
    }
  }
}
