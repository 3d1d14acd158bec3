import BookingEngine
import Foundation

/// Draws the waiting room's body: the position big and central, the line's progress and
/// pace, or what to do when the token is no longer in line.
struct WaitingRoomView {
  let area: Rect
  var canvas: Canvas

  /// Centred lines of text, one role.
  mutating func message(_ lines: [String], role: Role) {
    let top = area.minY + max(0, (area.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      centre(line, row: top + i, role: i == 0 ? role : .normal)
    }
  }

  mutating func draw(_ status: QueueStatus, polledAt: Date, _ context: AppContext) {
    switch status.state {
    case .waiting(let position, let ahead):
      waiting(status, position: position, ahead: ahead, polledAt: polledAt, context)
    case .beforeOpening(let opensAt):
      let seconds = Int(opensAt.timeIntervalSince(context.now).rounded(.up))
      message(
        [
          "The sale has not opened yet", "",
          "Opens at " + context.dates.clock(opensAt) + "   in "
            + Format.duration(seconds: seconds),
          "", "Everyone who is here before it opens gets a random place in line.",
        ], role: .accent)
    case .active: message(["You are in: opening the dates…"], role: .success)
    case .left:
      message(
        [
          "You left the line", "", "You were away too long, so your place was given up.",
          "Press Enter to join again (you start at the back).",
        ], role: .warning)
    case .expired:
      message(
        [
          "Your turn has expired", "", "You were let in but did not book in time.",
          "Press Enter to join the line again.",
        ], role: .warning)
    case .used:
      message(
        [
          "This place in line was used for a payment", "",
          "Press Enter to join again and buy more seats.",
        ], role: .info)
    }
  }

  private mutating func waiting(
    _ status: QueueStatus, position: Int, ahead: Int, polledAt: Date, _ context: AppContext
  ) {
    let top = area.minY + max(0, (area.height - 15) / 2)
    centre(
      status.isPaused ? "You are in line · the line is paused" : "You are in line", row: top,
      role: status.isPaused ? .warning : .title)
    centre("# " + Format.grouped(position), row: top + 2, role: .accent)
    centre(Format.people(ahead) + " ahead of you", row: top + 3, role: .normal)
    let moved = max(0, status.aheadAtJoin - ahead)
    let fraction = status.aheadAtJoin > 0 ? Double(moved) / Double(status.aheadAtJoin) : 1
    let bar = Rect(x: area.minX + 11, y: top + 5, width: max(0, area.width - 22), height: 1)
    ProgressBar(fraction: fraction).render(in: bar, on: &canvas)
    centre("moved " + Format.grouped(moved) + " since you joined", row: top + 6, role: .dim)
    let since = context.now.timeIntervalSince(polledAt)
    let rows = [
      ("Estimated wait", Self.wait(status.wait, elapsed: since)),
      ("Letting in", Self.pace(status)),
      ("Waiting now", Format.grouped(status.waitingCount)),
    ]
    let x = area.minX + (area.width - 38) / 2
    for (i, row) in rows.enumerated() {
      canvas.put(row.0, at: Point(x, top + 8 + i), role: .dim, clippedTo: area)
      canvas.put(row.1, at: Point(x + 17, top + 8 + i), role: .bold, clippedTo: area)
    }
    let kept = Int(status.placeKeptFor)
    let within =
      kept % 60 == 0
      ? "\(kept / 60) minute\(kept == 60 ? "" : "s")" : Format.duration(seconds: kept)
    centre(
      "Your place is kept if you quit and come back within \(within).", row: top + 12,
      role: .dim)
  }

  /// How fast people are let in. A line that has only just started to move has no pace
  /// yet: "0 a minute" under "moved 2 since you joined" would contradict itself.
  private static func pace(_ status: QueueStatus) -> String {
    if status.isPaused { return "nobody (paused)" }
    if status.admittedLastMinute == 0 && status.wait == .notKnownYet { return "not known yet" }
    return Format.people(status.admittedLastMinute) + " a minute"
  }

  /// A wait as said `elapsed` seconds after it was estimated: `3 min 20 s`,
  /// `about 3–5 min`, `any moment now` (run out while the turn has not come), `not known
  /// yet`, `paused`.
  static func wait(_ estimate: QueueStatus.WaitEstimate, elapsed: TimeInterval) -> String {
    switch estimate {
    case .notKnownYet: return "not known yet"
    case .paused: return "paused"
    case .about(let seconds):
      let left = Int((seconds - elapsed).rounded(.up))
      return left > 0 ? Format.duration(seconds: left) : "any moment now"
    case .between(let low, let high):
      let (low, high) = (max(0, low - elapsed), max(0, high - elapsed))
      if high < 120 { return "about \(Int(low / 10) * 10)–\(Int((high / 10).rounded(.up)) * 10) s" }
      return "about \(Int(low / 60))–\(Int((high / 60).rounded(.up))) min"
    }
  }

  private mutating func centre(_ text: String, row: Int, role: Role) {
    let shown = TextWidth.truncate(text, toWidth: area.width)
    let x = area.minX + (area.width - TextWidth.width(of: shown)) / 2
    canvas.put(shown, at: Point(x, row), role: role, clippedTo: area)
  }
}
