import BookingEngine
import Foundation

/// `encore simulate`'s summary, for people and for `--json`.
struct SimulationOutput: Encodable {
  var elapsedSeconds: Double
  var arrived: Int
  var admitted: Int
  var abandoned: Int
  var lostPlaces: Int
  var admittedPerSecond: Double
  var etaErrorMedian: Double?
  var etaErrorP90: Double?
  var etaSamples: Int
  var seatsSold: Int
  var doubleSales: Int
  var auditClean: Bool
  var refusals: [String: Int]

  init(_ summary: CrowdSimulation.Summary) {
    elapsedSeconds = summary.elapsed
    arrived = summary.arrived
    admitted = summary.admitted
    abandoned = summary.abandoned
    lostPlaces = summary.lostPlaces
    admittedPerSecond = summary.admittedPerSecond
    etaErrorMedian = summary.etaErrorMedian
    etaErrorP90 = summary.etaErrorP90
    etaSamples = summary.etaSamples
    seatsSold = summary.seatsSold
    doubleSales = summary.audit.seatsSoldTwice
    auditClean = summary.audit.isClean
    refusals = summary.refusals
  }

  static func show(_ summary: CrowdSimulation.Summary) {
    func percent(_ value: Double?) -> String {
      value.map { String(format: "%.1f %%", $0 * 100) } ?? "—"
    }
    Output.line("Simulated       \(Int(summary.elapsed)) s, \(Won.grouped(summary.arrived)) users")
    Output.line(
      "Admitted        \(Won.grouped(summary.admitted)) (\(String(format: "%.2f", summary.admittedPerSecond)) a second)"
    )
    Output.line("Gave up         \(Won.grouped(summary.abandoned))")
    if summary.lostPlaces > 0 {
      Output.line("Lost places     \(Won.grouped(summary.lostPlaces)) (checked too rarely)")
    }
    Output.line(
      "ETA error       median \(percent(summary.etaErrorMedian)), p90 \(percent(summary.etaErrorP90)) over \(summary.etaSamples) users"
    )
    Output.line("Seats sold      \(Won.grouped(summary.seatsSold))")
    Output.line("Double sales    \(summary.audit.seatsSoldTwice)")
    Output.line(
      "Audit           \(summary.audit.isClean ? "clean: every ticket matches its seat, every balance its ledger" : "PROBLEMS: \(summary.audit)")"
    )
    if !summary.refusals.isEmpty {
      let text = summary.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      Output.line("Refusals        \(text.joined(separator: ", "))")
    }
  }
}

/// The progress line on standard error: rewritten in place on a terminal, a line every
/// five seconds otherwise.
final class SimulationProgressLine: @unchecked Sendable {
  private let isTerminal = isatty(2) == 1
  private var lastPrinted = -5.0
  private let lock = NSLock()

  func show(_ progress: CrowdSimulation.Progress) {
    lock.withLock {
      let text =
        "\(Int(progress.elapsed)) s  arrived \(Won.grouped(progress.arrived))  waiting \(Won.grouped(progress.waiting))  admitted \(Won.grouped(progress.admitted))  gave up \(Won.grouped(progress.abandoned))  seats sold \(Won.grouped(progress.seatsSold))"
      if isTerminal {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
      } else if progress.elapsed - lastPrinted >= 5 {
        lastPrinted = progress.elapsed
        Output.note(text)
      }
    }
  }

  func finish() {
    if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
