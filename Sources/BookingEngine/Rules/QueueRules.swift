import Foundation

/// The waiting line's rules on plain values, for every store: when a write is due, how
/// many may be let in, why a token may not book, and what a status shows. A store reads
/// the rows and counts these need, and writes what they decide.
enum QueueRules {
  /// How often a waiter's polls are written down: twice per grace period.
  static func touchInterval(_ policy: QueuePolicy) -> Int64 {
    max(1, policy.waitingGracePeriod.millis / 2)
  }

  /// How often a line looks for waiters who stopped polling.
  static let sweepInterval: Int64 = 5_000

  /// Waiters last seen at or before this have left: polls are written down every
  /// `touchInterval`, so a waiter keeps the place for at least the whole grace period
  /// after the last poll.
  static func sweepCutoff(_ policy: QueuePolicy, now: Int64) -> Int64 {
    now - policy.waitingGracePeriod.millis - touchInterval(policy)
  }

  /// The sliding window a rate limit counts admissions over, and how many it allows in
  /// it; nil without a positive rate. A short window keeps the flow smooth (no burst of a
  /// minute's worth at once) and still lets at most the rate in over any minute.
  static func rateWindow(_ policy: QueuePolicy) -> (millis: Int64, allowed: Int)? {
    guard let rate = policy.admissionsPerMinute, rate > 0 else { return nil }
    let window = max(6_000, (60_000 + Int64(rate) - 1) / Int64(rate))
    return (window, max(1, Int(Int64(rate) * window / 60_000)))
  }

  /// How many more may be let in, by capacity and by rate. A store counts `running`
  /// (turns not yet over) when the line has a capacity, and `recent` (admissions within
  /// ``rateWindow(_:)``) when it has a rate.
  static func admissionRoom(_ policy: QueuePolicy, running: Int?, recent: Int?) -> Int {
    var room = Int.max
    if let capacity = policy.activeCapacity {
      room = min(room, capacity - (running ?? 0))
    }
    if let window = rateWindow(policy) {
      room = min(room, window.allowed - (recent ?? 0))
    } else if policy.admissionsPerMinute == 0 {
      room = 0
    }
    return room
  }

  /// Whether a waiter's poll is due to be written down (see ``touchInterval``). Alone it
  /// is one row's write: nothing the status shows changes.
  static func touchIsDue(_ row: TokenRow, line: QueueLine, now: Int64) -> Bool {
    row.state == .waiting && now - row.lastSeenAt >= touchInterval(line.policy)
  }

  /// Whether the line itself has something to do: open the sale, sweep, let people in;
  /// nil when that hangs on whether there is room (the store counts, see
  /// ``admissionRoom``). While it has not, a poll changes nothing but, now and then, the
  /// waiter's own `last_seen_at`. A turn that has ended needs no write to be shown as
  /// ended; its slot is written free when someone can take it.
  static func lineWorkIsDue(_ line: QueueLine, now: Int64) -> Bool? {
    if !line.opened { return (line.opensAt ?? 0) <= now }
    if line.waitingCount > 0 && now - line.sweptAt >= sweepInterval { return true }
    guard line.waitingCount > 0 && !line.paused else { return false }
    return nil
  }

  /// Whether what is shown of `row` needs its position: the people waiting ahead of it.
  static func needsPosition(_ row: TokenRow) -> Bool {
    row.state == .waiting && row.seq != nil
  }

  /// Whether a status of `row` needs the count of running turns (for the estimate).
  static func needsRunningTurns(_ row: TokenRow, line: QueueLine) -> Bool {
    needsPosition(row) && line.policy.activeCapacity != nil
  }

  /// Why `row` may not book now, if it may not. `ahead` is given when
  /// ``needsPosition(_:)``.
  static func refusal(_ row: TokenRow, line: QueueLine, now: Int64, ahead: Int?) -> BookingError? {
    switch row.state {
    case .waiting:
      guard row.seq != nil else {
        return .saleNotOpen(opensAt: Date(millis: line.opensAt ?? now))
      }
      return .stillWaiting(position: (ahead ?? 0) + 1)
    case .used: return .tokenUsed
    case .expired: return .tokenExpired
    case .left: return .leftTheLine
    case .active:
      guard let ends = row.turnEnds(line.policy), ends > now else { return .tokenExpired }
      return nil
    }
  }

  /// What a status shows. `ahead` is given when ``needsPosition(_:)``, and `running`
  /// (turns not yet over) when ``needsRunningTurns(_:line:)``.
  static func status(
    _ row: TokenRow, line: QueueLine, now: Int64, ahead: Int?, running: Int?
  ) -> QueueStatus {
    let state: QueueStatus.State
    var position: Int?
    switch row.state {
    case .waiting:
      if row.seq != nil {
        let ahead = ahead ?? 0
        position = ahead + 1
        state = .waiting(position: ahead + 1, ahead: ahead)
      } else {
        state = .beforeOpening(opensAt: Date(millis: line.opensAt ?? now))
      }
    case .active:
      let ends = row.turnEnds(line.policy) ?? now
      state = ends > now ? .active(until: Date(millis: ends)) : .expired
    case .used: state = .used
    case .expired: state = .expired
    case .left: state = .left
    }
    // Early on the first wave of admissions weighs on a short window: never show more
    // than the rate rule lets in.
    let perMinute = min(
      (line.ratePerSecond(at: now) ?? 0) * 60, Double(line.policy.admissionsPerMinute ?? .max))
    let wait: QueueStatus.WaitEstimate =
      if position != nil, let seq = row.seq {
        line.estimate(
          for: seq, at: now,
          full: line.policy.activeCapacity.map { (running ?? 0) >= $0 } ?? false)
      } else {
        .notKnownYet
      }
    return QueueStatus(
      token: row.publicToken, state: state, aheadAtJoin: row.aheadAtJoin,
      waitingCount: line.waitingCount, admittedLastMinute: Int(perMinute.rounded()),
      wait: wait, isPaused: line.paused, placeKeptFor: line.policy.waitingGracePeriod,
      admittedAt: row.admittedAt.map(Date.init(millis:)))
  }

  /// When a turn given up at `now` ended: a turn already over by the rules ended then.
  static func leftTurnEnded(_ row: TokenRow, rules: QueuePolicy?, now: Int64) -> Int64 {
    min(now, rules.flatMap(row.turnEnds) ?? now)
  }

  /// A line's turn averages after `claims` turns were claimed, `lapses` never were, and
  /// claimed turns that ended lasted `lengths` (milliseconds): each moves the average
  /// ``QueueLine/turnWeight`` of the way.
  static func turnAverages(
    mean: Double?, lapseShare: Double?, claims: Int, lapses: Int, lengths: [Int64]
  ) -> (mean: Double?, lapseShare: Double?) {
    var mean = mean
    var share = lapseShare
    for length in lengths {
      mean = mean.map { $0 + QueueLine.turnWeight * (Double(length) - $0) } ?? Double(length)
    }
    for lapsed in Array(repeating: 0.0, count: claims) + Array(repeating: 1.0, count: lapses) {
      share = share.map { $0 + QueueLine.turnWeight * (lapsed - $0) } ?? lapsed
    }
    return (mean, share)
  }

  /// Whether a turn came from the line: someone let in the moment they joined never
  /// waited in it, and says nothing of how it moves. (When a sale opens, such a burst,
  /// every one of them there to claim, would hide for minutes the walk-aways among the
  /// waiters, whose turns lapse.)
  static func waited(joinedAt: Int64, admittedAt: Int64?) -> Bool {
    admittedAt.map { $0 > joinedAt } ?? false
  }

  /// Whether giving up an active turn counts as its claim: the person was there to
  /// leave, so a turn from the line that was never claimed was not lost either.
  static func claimedOnLeaving(_ row: TokenRow) -> Bool {
    row.claimedAt == nil && waited(joinedAt: row.issuedAt, admittedAt: row.admittedAt)
  }

  /// A line's decayed flows after the people at arrival numbers `admitted` (each with
  /// when they joined) were let in at `now`; where the front is now; and since when the
  /// flows are watched. Only turns that came from the line count (``waited(joinedAt:admittedAt:)``).
  static func flows(
    _ line: QueueLine, admitted: [(seq: Int64, joinedAt: Int64)], now: Int64
  ) -> (
    flow: Double, seqFlow: Double, claimFlow: Double, frontSeq: Int64, frontJoinedAt: Int64?,
    flowSince: Int64?
  ) {
    func decayed(_ value: Double) -> Double {
      line.flowAt.map { value * exp(-Double(now - $0) / 1000 / QueueLine.flowWindow) } ?? 0
    }
    let waited = admitted.filter { Self.waited(joinedAt: $0.joinedAt, admittedAt: now) }.count
    // The front moves only forward: to the last one let in, if that is past it.
    let front = admitted.max { $0.seq < $1.seq }.flatMap { $0.seq > line.frontSeq ? $0 : nil }
    let frontSeq = front?.seq ?? line.frontSeq
    // The front passes an arrival number for each turn let in and each waiter gone; the
    // ones let in at once are neither.
    let moved = Double(max(0, frontSeq - line.frontSeq - Int64(admitted.count - waited)))
    return (
      decayed(line.flow) + Double(waited), decayed(line.seqFlow) + moved,
      decayed(line.claimFlow), frontSeq, front?.joinedAt ?? line.frontJoinedAt,
      line.flowSince ?? (waited > 0 ? now : nil)
    )
  }

  /// A line's decayed claims, `stored` as of `storedAt` (the line's `flowAt`, when the
  /// decayed counts are stored at), after `claims` more at `now`.
  static func claimFlow(_ stored: Double, storedAt: Int64?, claims: Int, now: Int64) -> Double {
    stored + Double(claims) * exp(Double(now - (storedAt ?? now)) / 1000 / QueueLine.flowWindow)
  }

  /// How long after joining walk-aways are swept out (ms), averaged, after a sweep took
  /// out waiters who had joined `ages` ago: each moves it ``QueueLine/turnWeight`` of
  /// the way.
  static func sweepAge(_ mean: Double?, ages: [Int64]) -> Double? {
    var mean = mean
    for age in ages {
      mean = mean.map { $0 + QueueLine.turnWeight * (Double(age) - $0) } ?? Double(age)
    }
    return mean
  }

  /// What became of turns that just ended by the rules (as they were before): how many
  /// of those from the line lapsed unclaimed, and how long the claimed ones lasted (ms).
  static func endedTurns(_ turns: [TokenRow], rules: QueuePolicy) -> (
    lapses: Int, lengths: [Int64]
  ) {
    (
      turns.filter {
        $0.claimedAt == nil && waited(joinedAt: $0.issuedAt, admittedAt: $0.admittedAt)
      }.count,
      turns.compactMap { turn in
        guard turn.claimedAt != nil, let ends = turn.turnEnds(rules), let admitted = turn.admittedAt
        else { return nil }
        return ends - admitted
      }
    )
  }
}
