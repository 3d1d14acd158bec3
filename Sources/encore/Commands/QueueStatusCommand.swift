import ArgumentParser
import BookingEngine
import Foundation

/// `encore queue status CONCERT`: where the saved token stands.
struct QueueStatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show your place in a concert's queue.",
    discussion: """
      Checking also keeps your place: a waiting place not checked for the line's grace \
      period (five minutes unless the operator changed it) is lost. Checking never \
      extends an admitted turn: only booking (dates, seats, hold, pay) does.

      Example:
        encore queue status garden --json | jq .position
      """)

  @OptionGroup var options: GlobalOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "The concert's ID, as `encore concerts` shows it.")
  var concert: String

  func run() async throws {
    try await Runner.run(options, command: "queue status", json: output.json) { session in
      let status = try await session.withCaller(for: ConcertID(concert)) { caller in
        try await session.engine.queueStatus(caller)
      }
      if output.json { return Output.json(QueueOutput(status)) }
      Self.show(status)
    }
  }

  /// Prints a place in line for people.
  static func show(_ status: QueueStatus) {
    let concert = status.token.concertID
    var lines: [(String, String)] = [("Concert", concert.rawValue)]
    switch status.state {
    case .beforeOpening(let opens):
      lines.append(("State", "in line before the sale opens at \(Times.text(opens))"))
    case .waiting(let position, _):
      lines.append(("State", "waiting"))
      lines.append(("Position", "#\(Won.grouped(position)) of \(Won.grouped(status.waitingCount))"))
      lines.append(("Wait", Times.wait(status.wait)))
      lines.append(("Kept", "if you check again within \(Times.duration(status.placeKeptFor))"))
    case .active(let until):
      lines.append(
        ("State", "admitted: book before \(Times.clock(until)) (each booking step extends it)"))
    case .used:
      lines.append(("State", "used for a payment: join again to buy more"))
    case .expired:
      lines.append(("State", "expired: not claimed or unused in time, or too long: join again"))
    case .left:
      lines.append(("State", "left the line (not checked for too long): join again at the back"))
    }
    for (name, value) in lines {
      Output.line(name.padding(toLength: 10, withPad: " ", startingAt: 0) + value)
    }
    if status.isActive { Output.note("Next: encore dates \(concert)") }
  }
}
