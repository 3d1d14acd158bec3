import ArgumentParser
import BookingEngine
import Foundation

/// `encore hold DATE SEAT...`: keep seats for a few minutes while you pay.
struct HoldCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hold",
    abstract: "Hold seats on a date for a few minutes, all of them or none.",
    discussion: """
      SEAT is a seat's label as `encore seats` shows it: 14 in a small hall, C12 in a \
      large one. Pay with `encore pay HOLD` before the hold expires.

      Example:
        encore hold 2 14 15
        encore hold 6 C12 C13 --json | jq .hold_id
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The date's number, from `encore dates`.")
  var date: Int64

  @Argument(help: "One or more seat labels, such as 14 or C12.")
  var seats: [String] = []

  func validate() throws {
    guard !seats.isEmpty else {
      throw ValidationError("Name at least one seat, for example: encore hold \(date) 14")
    }
    if let empty = seats.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      throw ValidationError("“\(empty)” is not a seat label; labels look like 14 or C12.")
    }
  }

  func run() async throws {
    try await Runner.run(options, command: "hold", json: output.json) { session in
      let (map, caller) = try await session.seatMap(of: DateID(date))
      var chosen: [SeatID] = []
      for label in seats {
        guard let seat = map.seat(labelled: label.trimmingCharacters(in: .whitespaces)) else {
          throw BookingError.unknownSeat(label)
        }
        if !chosen.contains(seat.id) { chosen.append(seat.id) }
      }
      let hold = try await session.engine.hold(seats: chosen, on: DateID(date), caller)
      session.logger.info(
        "held seats", metadata: ["hold": "\(hold.id)", "seats": "\(hold.seats.map(\.label))"])
      if output.json { return Output.json(HoldOutput(hold)) }
      Self.show(hold, concert: map.concert, startsAt: map.date.startsAt)
    }
  }

  static func show(_ hold: Hold, concert: Concert, startsAt: Date) {
    Output.line("Hold \(hold.id): \(concert.title), \(Times.text(startsAt))")
    var table = Table(["SEAT", "TIER", "PRICE"], rightAligned: [2])
    for seat in hold.seats { table.add([seat.label, seat.tier, Won.text(seat.price)]) }
    table.add(["", "total", Won.text(hold.amount)])
    Output.line(table.render())
    let minutes = Times.duration(hold.remaining(at: Date()))
    Output.line("Held until \(Times.clock(hold.expiresAt)) (\(minutes)).")
    Output.note("Next: encore pay \(hold.id)")
  }
}
