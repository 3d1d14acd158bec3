import BookingEngine
import Foundation

/// Status-poll, join and admission costs with a long line, next to counting the rows
/// ahead (what a position costs without the Fenwick index).
struct QueueBenchmark {
  var waiting: Int

  struct Result {
    var pollMedian: Duration
    var pollP90: Duration
    var countMedian: Duration
    var joinMedian: Duration
    var admitBatch: Duration
  }

  func run() async throws -> Result {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("encore-queue-bench-\(waiting)-\(UUID().uuidString).sqlite").path
    let engine = try BookingEngine.open(path: path, policy: policy)
    try await engine.seedDemoCatalogIfEmpty()
    _ = try await engine.issueToken(user: "setup", concert: "garden")  // makes the line
    let tokens = fill(path: path)
    let dice = SeededRandomSource(seed: 1)

    var polls: [Duration] = []
    for _ in 0..<2_000 {
      let index = Int(dice.next() % UInt64(waiting))
      let caller = Caller(user: UserID("w\(index)"), token: TokenValue(tokens[index]))
      polls.append(try await time { _ = try await engine.queueStatus(caller) })
    }

    let raw = RawSQLite(path: path, synchronousFull: true)
    var counts: [Duration] = []
    for _ in 0..<(waiting >= 1_000_000 ? 20 : 200) {
      let seq = Int64(dice.next() % UInt64(waiting)) + 2
      counts.append(
        try await time {
          raw.run(
            "SELECT COUNT(*) FROM queue_token WHERE concert_id = 'garden' AND state = 'waiting' AND seq < ?",
            [.int(seq)])
        })
    }

    var joins: [Duration] = []
    for index in 0..<200 {
      joins.append(
        try await time {
          _ = try await engine.issueToken(user: UserID("late\(index)"), concert: "garden")
        })
    }

    // Room for a thousand: widening the line's rules lets the first thousand in, in one
    // transaction.
    var rules = try await engine.queuePolicy(concert: "garden")
    rules.activeCapacity = 1_000
    let admitBatch = try await time { try await engine.setQueuePolicy(rules, concert: "garden") }
    let first = Caller(user: "w0", token: TokenValue(tokens[0]))
    let next = Caller(user: "w1000", token: TokenValue(tokens[1_000]))
    let firstIn = try await engine.queueStatus(first).isActive
    let nextIn = try await engine.queueStatus(next).isActive
    precondition(firstIn && !nextIn, "exactly the first thousand were let in")

    try? FileManager.default.removeItem(atPath: path)
    return Result(
      pollMedian: median(polls), pollP90: percentile(polls, 0.9), countMedian: median(counts),
      joinMedian: median(joins), admitBatch: admitBatch)
  }

  /// Puts `waiting` people in line directly, in one transaction, with their index nodes.
  private func fill(path: String) -> [String] {
    let raw = RawSQLite(path: path, synchronousFull: false)
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    let dice = SeededRandomSource(seed: UInt64(waiting))
    let tokens = (0..<waiting).map { _ in
      String(dice.next(), radix: 16) + String(dice.next(), radix: 16)
    }
    raw.execute("BEGIN IMMEDIATE")
    raw.run("UPDATE queue_token SET state = 'left' WHERE user_id = 'setup'", [])
    raw.run("DELETE FROM queue_fenwick", [])
    var nodes: [Int64: Int64] = [:]
    for (index, token) in tokens.enumerated() {
      let seq = Int64(index + 2)
      raw.run(
        """
        INSERT INTO queue_token (token, concert_id, user_id, seq, state, issued_at, last_seen_at, ahead_at_join)
        VALUES (?, 'garden', ?, ?, 'waiting', ?, ?, ?)
        """,
        [
          .text(TokenValue(token).digest), .text("w\(index)"), .int(seq), .int(now),
          .int(now + 3_600_000),
          .int(Int64(index)),
        ])
      var node = seq
      while node < 1 << 32 {
        nodes[node, default: 0] += 1
        node += node & -node
      }
    }
    for (node, total) in nodes {
      raw.run(
        "INSERT INTO queue_fenwick (concert_id, node, total) VALUES ('garden', ?, ?)",
        [.int(node), .int(total)])
    }
    raw.run(
      "UPDATE queue_line SET next_seq = ?, waiting_count = ?, swept_at = ? WHERE concert_id = 'garden'",
      [.int(Int64(waiting + 2)), .int(Int64(waiting)), .int(now + 3_600_000)])
    raw.execute("COMMIT")
    return tokens
  }
}

func time(_ body: () async throws -> Void) async throws -> Duration {
  let clock = ContinuousClock()
  let start = clock.now
  try await body()
  return clock.now - start
}

func median(_ samples: [Duration]) -> Duration { percentile(samples, 0.5) }

func percentile(_ samples: [Duration], _ fraction: Double) -> Duration {
  let sorted = samples.sorted()
  return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

extension Duration {
  var microseconds: Double {
    Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12
  }
}
