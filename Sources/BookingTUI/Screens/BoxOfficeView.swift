import BookingEngine
import Foundation

/// Draws the box office's body: the line, the dates' sales as bars, the crowd and its
/// predicted-against-actual plot, and the question on the bottom line. At 80 columns
/// everything fits; wider and taller screens get the line's full rules, each date's
/// revenue and a larger plot.
struct BoxOfficeView {
  let area: Rect
  var canvas: Canvas

  /// Whether there is room for the wide layout's extra columns.
  private var isWide: Bool { area.width >= 110 }

  mutating func message(_ text: String, role: Role) {
    put(text, at: Point(area.minX + 2, area.minY + area.height / 2), role: role)
  }

  mutating func draw(
    _ office: BoxOffice, polledAt: Date, crowd: CrowdSimulation.Configuration,
    run: BoxOfficeScreen.CrowdRun?, _ context: AppContext
  ) {
    var y = area.minY
    line(office, polledAt: polledAt, y: &y, context)
    y += 1
    sale(office, y: &y, context)
    y += 1
    self.crowd(crowd, run: run, y: &y, context)
  }

  // MARK: - The line

  private mutating func line(
    _ office: BoxOffice, polledAt: Date, y: inout Int, _ context: AppContext
  ) {
    let line = office.line
    let x = area.minX + 2
    put("Line", at: Point(x, y), role: .title)
    if !line.isOpen {
      put("○ the sale has not opened: arrivals wait", at: Point(x + 8, y), role: .info)
    } else if line.isPaused {
      put("‖ PAUSED: nobody is let in", at: Point(x + 8, y), role: .warning)
    } else {
      put("● letting people in", at: Point(x + 8, y), role: .success)
    }
    let ago = String(format: "%.1f", max(0, context.now.timeIntervalSince(polledAt)))
    let updated = putRight("updated \(ago) s ago", y: y, role: .dim)
    let who =
      !office.viewerMayAct
      ? "\(office.viewer) · view only · "
      : office.operatorCount == 0
        ? "\(office.viewer) · no operators named · " : "operator \(office.viewer) · "
    putRight(who, y: y, before: updated, role: office.viewerMayAct ? .dim : .warning)
    let rules = line.rules
    let (left, right) = (x + 2, x + 34)
    let capacity = rules.activeCapacity.map(Format.grouped) ?? "no limit"
    let active = Format.grouped(line.active) + " / " + capacity
    let rows: [(String, String, Role, String, String)] = [
      ("Waiting now", Format.grouped(line.waiting), .accent, "Active", active),
      (
        "Newcomer waits", WaitingRoomView.wait(line.estimateForNewcomer, elapsed: 0), .bold,
        "Letting in",
        rules.admissionsPerMinute.map { "up to " + Format.grouped($0) + " a minute" } ?? "no limit"
      ),
      (
        "Lost turns", Format.grouped(line.claimWindowLosses) + " unclaimed", .bold, "Claim window",
        Format.duration(seconds: Int(rules.claimWindow))
      ),
      (
        "Left or swept", Format.grouped(line.leftOrSwept), .bold, "Paid turns",
        Format.grouped(line.paid)
      ),
    ]
    for row in rows {
      y += 1
      label(row.0, row.1, x: left, y: y, role: row.2)
      label(row.3, row.4, x: right, y: y, width: 14)
    }
    if let limit = rules.activeCapacity, limit > 0 {
      let start = right + 14 + TextWidth.width(of: active) + 2
      let width = min(20, area.maxX - start - (isWide ? 32 : 2))
      if width >= 5 {
        SegmentBar(segments: [
          .init(min(line.active, limit), "█", .progressDone),
          .init(max(0, limit - line.active), "░", .progressTodo),
        ]).render(in: Rect(x: start, y: y - 3, width: width, height: 1), on: &canvas)
      }
    }
    y += 1
    put("Let in a minute", at: Point(left, y), role: .dim)
    let perMinute = line.admittedPerMinute
    let lastMinute = Format.grouped(perMinute.last ?? 0) + " in the last minute"
    if isWide && area.height >= 30 {
      // A tall chart: four columns a minute, the busiest minute's count at its top.
      let chart = Rect(x: left + 16, y: y, width: perMinute.count * 4, height: 5)
      Sparkline(values: perMinute).render(in: chart, on: &canvas)
      put(Format.grouped(perMinute.max() ?? 0) + " top", at: Point(chart.maxX + 1, y), role: .dim)
      y += chart.height
      put("10 min ago", at: Point(chart.minX, y), role: .dim)
      put("now · " + lastMinute, at: Point(chart.maxX - 4, y), role: .dim)
    } else {
      Sparkline(values: perMinute)
        .render(in: Rect(x: left + 16, y: y, width: perMinute.count, height: 1), on: &canvas)
      put("last 10 min · " + lastMinute, at: Point(left + 16 + perMinute.count + 2, y), role: .dim)
    }
    if isWide { self.rules(rules, top: area.minY + 1) }
    y += 1
  }

  /// The line's full rules, at the right of a wide screen.
  private mutating func rules(_ rules: QueuePolicy, top: Int) {
    let x = area.maxX - 30
    let rows = [
      ("Idle timeout", Format.duration(seconds: Int(rules.activeIdleTimeout))),
      ("Longest turn", Format.duration(seconds: Int(rules.longestTurn))),
      ("Place kept", Format.duration(seconds: Int(rules.waitingGracePeriod))),
    ]
    for (i, row) in rows.enumerated() {
      label(row.0, row.1, x: x, y: top + i, width: 14)
    }
  }

  // MARK: - The sale

  private mutating func sale(_ office: BoxOffice, y: inout Int, _ context: AppContext) {
    let x = area.minX + 2
    put("Sale", at: Point(x, y), role: .title)
    var legend = putRight("░ free", y: y, role: .seatFree)
    legend = putRight("▒ held  ", y: y, before: legend, role: .seatHeld)
    legend = putRight("█ sold  ", y: y, before: legend, role: .seatSold)
    // Points pay only for seats sold online; the venue's own sales bring none in here.
    let end = put(
      "revenue " + Format.won(office.revenue) + " online", at: Point(x + 8, y), role: .bold)
    if office.soldAtBoxOffice > 0 {
      let note = " · \(Format.grouped(office.soldAtBoxOffice)) sold at the box office"
      if end + TextWidth.width(of: note) + 2 <= legend { put(note, at: Point(end, y), role: .dim) }
    }
    y += 1
    let counts = 32
    let ending = 11
    let revenue = isWide ? 18 : 0
    let barX = x + 2 + 16 + 2
    let barWidth = max(6, area.maxX - 1 - barX - 2 - counts - revenue - ending)
    for sales in office.dates where y < area.maxY - 1 {
      let past = sales.date.availability == .past
      put(
        context.dates.dayAndTime(sales.date.startsAt), at: Point(x + 2, y),
        role: past ? .dim : .normal)
      SegmentBar(segments: [
        .init(sales.sold, "█", past ? .disabled : .seatSold),
        .init(sales.held, "▒", past ? .disabled : .seatHeld),
        .init(sales.free, "░", past ? .disabled : .seatFree),
      ]).render(in: Rect(x: barX, y: y, width: barWidth, height: 1), on: &canvas)
      var column = barX + barWidth + 2
      for (count, word) in [(sales.sold, " sold "), (sales.held, " held "), (sales.free, " free")] {
        put(
          TextWidth.pad(Format.grouped(count), toWidth: 5, alignment: .right), at: Point(column, y))
        put(word, at: Point(column + 5, y), role: .dim)
        column += 11
      }
      column = barX + barWidth + 2 + counts
      if isWide {
        put(
          TextWidth.pad(Format.won(sales.revenue), toWidth: revenue - 2, alignment: .right),
          at: Point(column, y))
        column += revenue
      }
      if past {
        put("past", at: Point(column + 2, y), role: .dim)
      } else if sales.date.availability == .soldOut {
        put("sold out", at: Point(column + 2, y), role: .seatSold)
      } else if sales.holdsExpiringSoon > 0 {
        put("! \(sales.holdsExpiringSoon) ending", at: Point(column + 2, y), role: .warning)
      }
      y += 1
    }
  }

  // MARK: - The crowd

  private mutating func crowd(
    _ crowd: CrowdSimulation.Configuration, run: BoxOfficeScreen.CrowdRun?, y: inout Int,
    _ context: AppContext
  ) {
    let x = area.minX + 2
    put("Crowd", at: Point(x, y), role: .title)
    let settings = Self.describe(crowd)
    switch run {
    case nil:
      put("s starts " + settings, at: Point(x + 8, y), role: .dim)
    case .running(let since, let users):
      let running = Int(max(0, context.now.timeIntervalSince(since)))
      put(
        "\(Format.grouped(users)) buyers running for " + Format.duration(seconds: running)
          + " (since " + context.dates.clock(since) + "): the line above is theirs",
        at: Point(x + 8, y), role: .info)
    case .failed(let reason):
      put("stopped: " + reason, at: Point(x + 8, y), role: .error)
    case .finished(let summary):
      summarise(summary, x: x + 8, y: &y)
    }
    y += 1
  }

  private mutating func summarise(_ summary: CrowdSimulation.Summary, x: Int, y: inout Int) {
    let audit = summary.audit.isClean ? "audit clean" : "AUDIT FOUND PROBLEMS"
    let end = put(
      "\(Format.grouped(summary.arrived)) came · \(Format.grouped(summary.admitted)) let in · "
        + String(format: "%.1f", summary.admittedPerSecond) + " a second · "
        + "\(Format.grouped(summary.seatsSold)) seats sold · ", at: Point(x, y))
    put(audit, at: Point(end, y), role: summary.audit.isClean ? .success : .error)
    y += 1
    let error =
      summary.etaErrorMedian.map {
        "ETA error median \(Int(($0 * 100).rounded())) %"
          + (summary.etaErrorP90.map { " · p90 \(Int(($0 * 100).rounded())) %" } ?? "")
          + " over \(Format.grouped(summary.etaSamples)) estimates"
      } ?? "No estimates to check (nobody waited long enough)."
    put(error, at: Point(x, y), role: .bold)
    let plotTop = y + 1
    // The bottom row is the question's, when one is asked: it draws over the axis then.
    let height = min(area.maxY - plotTop, isWide ? 12 : 8)
    guard height >= 3, !summary.waits.isEmpty else { return }
    let width = isWide ? 60 : 36
    let plot = ScatterPlot(points: summary.waits.map { ($0.actual, $0.predicted) })
    plot.render(in: Rect(x: x, y: plotTop, width: width, height: height), on: &canvas)
    let legend = [
      ("↑ predicted wait", Role.normal), ("→ actual wait", .normal), ("• a buyer", .accent),
      ("· exactly right", .dim),
      ("both 0 – " + Format.duration(seconds: Int(plot.scale.rounded(.up))), .dim),
    ]
    for (i, (text, role)) in legend.enumerated() where i < height {
      put(text, at: Point(x + width + 2, plotTop + i), role: role)
    }
    y = plotTop + height - 1
  }

  // MARK: - The question

  mutating func prompt(_ prompt: BoxOfficeScreen.Prompt?) {
    guard let prompt else { return }
    let row = Rect(x: area.minX, y: area.maxY - 1, width: area.width, height: 1)
    canvas.fill(row)
    let x = area.minX + 2
    switch prompt {
    case .confirm(_, let question):
      let end = put("? " + question, at: Point(x, row.minY), role: .warning)
      put("  y / n", at: Point(end, row.minY), role: .keyHintKey)
    case .entry(let entry, let field):
      let label =
        entry == .capacity ? "Capacity (people booking at once, or none):" : "Claim window:"
      let end = put(label, at: Point(x, row.minY), role: .warning)
      TextField(state: field, unit: entry == .capacity ? "" : "s")
        .render(in: Rect(x: end + 1, y: row.minY, width: 12, height: 1), on: &canvas)
      put("Enter to set · Esc to cancel", at: Point(end + 15, row.minY), role: .dim)
    }
  }

  // MARK: - Helpers

  /// A crowd's settings in words: `200 buyers · 20 a second · 10 % give up · 50 % buy`.
  static func describe(_ crowd: CrowdSimulation.Configuration) -> String {
    let rate = crowd.arrivalsPerSecond
    let arrivals = rate == rate.rounded() ? "\(Int(rate))" : String(format: "%.1f", rate)
    return Format.grouped(crowd.users) + " buyers · " + arrivals + " a second · "
      + "\(Int((crowd.abandonShare * 100).rounded())) % give up · "
      + "\(Int((crowd.buyShare * 100).rounded())) % buy"
  }

  private mutating func label(
    _ name: String, _ value: String, x: Int, y: Int, width: Int = 16, role: Role = .bold
  ) {
    put(name, at: Point(x, y), role: .dim)
    put(value, at: Point(x + width, y), role: role)
  }

  @discardableResult
  private mutating func put(_ text: String, at point: Point, role: Role = .normal) -> Int {
    canvas.put(text, at: point, role: role, clippedTo: area)
  }

  /// Writes `text` ending at `before` (or the right edge, less a margin); returns its start.
  @discardableResult
  private mutating func putRight(_ text: String, y: Int, before end: Int? = nil, role: Role)
    -> Int
  {
    let start = (end ?? area.maxX - 2) - TextWidth.width(of: text)
    put(text, at: Point(start, y), role: role)
    return start
  }
}
