import Foundation

/// The box office's read model on plain values, for every store: a store reads the line,
/// its token counts and each date's seats, and these make the picture and say when it
/// must be read again. So both stores show the same numbers from the same rows.
enum BoxOfficeRules {
  /// How many minutes the admissions sparkline covers.
  static let minutes = 10

  /// Admissions per minute, oldest first, from counts by how many whole minutes ago they
  /// were (0: the minute up to now).
  static func admittedPerMinute(_ counts: [(minutesAgo: Int, count: Int)]) -> [Int] {
    var perMinute = Array(repeating: 0, count: minutes)
    for (ago, count) in counts where ago >= 0 && ago < minutes {
      perMinute[minutes - 1 - ago] = count
    }
    return perMinute
  }

  /// The counts of a line that nobody has joined yet: its default rules.
  static func emptyLine(_ rules: QueuePolicy) -> BoxOffice.Line {
    BoxOffice.Line(
      rules: rules, isPaused: false, isOpen: true, waiting: 0, active: 0,
      admittedPerMinute: Array(repeating: 0, count: minutes), estimateForNewcomer: .notKnownYet,
      claimWindowLosses: 0, leftOrSwept: 0, paid: 0)
  }

  /// How `line` stands at `now` with `running` turns: a newcomer is given the next arrival
  /// number and told what a joiner's status would say. `losses` are turns let in that
  /// expired unclaimed, `leftOrSwept` tokens that left, `paid` tokens used by a payment.
  static func line(
    _ line: QueueLine, now: Int64, running: Int, admittedPerMinute: [Int],
    losses: Int,
    leftOrSwept: Int, paid: Int
  ) -> BoxOffice.Line {
    let full = line.policy.activeCapacity.map { running >= $0 } ?? false
    return BoxOffice.Line(
      rules: line.policy, isPaused: line.paused, isOpen: line.opened, waiting: line.waitingCount,
      active: running, admittedPerMinute: admittedPerMinute,
      estimateForNewcomer: line.opened
        ? line.estimate(for: line.nextSeq, at: now, full: full) : .notKnownYet,
      claimWindowLosses: losses, leftOrSwept: leftOrSwept, paid: paid)
  }

  /// One date's sale: `sold` and `held` seats (a hold that has not run out), what the
  /// seats sold online brought in, holds running out within ``BoxOffice/expiringWindow``
  /// and when the first live hold runs out.
  static func sales(
    _ date: ConcertDate, sold: Int, soldAtBoxOffice: Int, held: Int, revenue: Int64,
    expiringSoon: Int, nextHoldEnd: Int64?
  ) -> BoxOffice.DateSales {
    BoxOffice.DateSales(
      date: date, sold: sold, soldAtBoxOffice: soldAtBoxOffice, held: held,
      free: date.seatCount - sold - held, revenue: revenue, holdsExpiringSoon: expiringSoon,
      nextHoldEnd: nextHoldEnd.map(Date.init(millis:)))
  }

  /// The picture, read at `now`. `fingerprint` is what the store's change check read;
  /// `turnEnd` when the first running turn ends by the rules.
  static func boxOffice(
    concert: Concert, line: BoxOffice.Line, dates: [BoxOffice.DateSales], viewer: UserID,
    listed: Bool, operatorCount: Int, fingerprint: [Int64], turnEnd: Int64?, now: Int64
  ) -> BoxOffice {
    BoxOffice(
      concert: concert, line: line, dates: dates, viewer: viewer,
      viewerMayAct: OperatorRules.mayAct(listed: listed, listSize: operatorCount),
      operatorCount: operatorCount, readAt: Date(millis: now),
      stamp: BoxOfficeStamp(
        fingerprint: fingerprint, dueAt: dueAt(now: now, dates: dates, turnEnd: turnEnd)))
  }

  /// When time alone changes something shown, even if nothing is written: the staleness
  /// cap, a hold's end or its coming within the expiring window, the first turn's end.
  static func dueAt(now: Int64, dates: [BoxOffice.DateSales], turnEnd: Int64?) -> Int64 {
    let window = BoxOffice.expiringWindow.millis
    var due = [now + BoxOffice.longestStaleness.millis]
    for end in dates.compactMap({ $0.nextHoldEnd?.millis }) {
      due += [end, end - window].filter { $0 > now }
    }
    if let turnEnd, turnEnd > now { due.append(turnEnd) }
    return due.min()!
  }

  /// Whether `boxOffice` must be read again at `now` whatever the store holds (else it
  /// must only if the store's fingerprint moved).
  static func isDue(_ boxOffice: BoxOffice, now: Int64) -> Bool {
    now >= boxOffice.stamp.dueAt
  }
}
