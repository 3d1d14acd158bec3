import BookingEngine
import Foundation

/// `queue join --wait`: polls until the token is let in, reporting on standard error, and
/// claims the turn at once (the person is there: an unclaimed turn is lost after the
/// line's claim window).
enum QueueProgress {
  static func waitUntilAdmitted(_ first: QueueStatus, session: Session) async throws -> QueueStatus
  {
    let interactive = isatty(STDERR_FILENO) == 1
    var status = first
    var reported = ""
    while true {
      switch status.state {
      case .active:
        if interactive && !reported.isEmpty { Output.note("") }
        return try await session.engine.claimTurn(session.caller(status.token.value))
      case .used, .expired, .left:
        if interactive && !reported.isEmpty { Output.note("") }
        return status
      case .beforeOpening(let opens):
        report("Waiting for the sale to open at \(Times.text(opens))…", &reported, interactive)
      case .waiting(let position, _):
        var text =
          "In line for \(status.token.concertID): #\(Won.grouped(position)) of \(Won.grouped(status.waitingCount))"
        text += ", wait \(Times.wait(status.wait))"
        report(text, &reported, interactive)
      }
      try await Task.sleep(for: .seconds(1))
      status = try await session.engine.queueStatus(session.caller(status.token.value))
      session.logger.debug("queue poll", metadata: ["state": "\(status.state)"])
    }
  }

  /// Rewrites one line on a terminal; prints only changes when stderr is a file or pipe.
  private static func report(_ text: String, _ last: inout String, _ interactive: Bool) {
    guard text != last else { return }
    last = text
    if interactive {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    } else {
      Output.note(text)
    }
  }
}
