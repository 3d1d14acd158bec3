import GRDB

/// Who is still waiting, by arrival number, as a Fenwick tree stored in a table: a
/// position ("people waiting ahead") reads at most 32 rows and a change writes at
/// most 32, however long the line — instead of counting every row ahead.
enum QueueIndex {
  /// Arrival numbers run from 1 to `capacity - 1`.
  static let capacity: Int64 = 1 << 32

  /// Adds `delta` (+1 joined, -1 left or admitted) at each arrival number.
  static func add(_ db: Database, concert: ConcertID, seqs: [Int64], delta: Int64) throws {
    guard !seqs.isEmpty else { return }
    let nodes = changes(adding: delta, at: seqs)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO queue_fenwick (concert_id, node, total) VALUES (?, ?, ?)
        ON CONFLICT (concert_id, node) DO UPDATE SET total = total + excluded.total
        """)
    for (node, change) in nodes where change != 0 {
      try upsert.execute(arguments: [concert.rawValue, node, change])
    }
    try db.run(
      sql: "UPDATE queue_line SET waiting_count = waiting_count + ? WHERE concert_id = ?",
      arguments: [delta * Int64(seqs.count), concert.rawValue])
  }

  /// How many are waiting with an arrival number below `seq`.
  static func waitingBefore(_ db: Database, concert: ConcertID, seq: Int64) throws -> Int {
    let nodes = nodes(before: seq)
    guard !nodes.isEmpty else { return 0 }
    let placeholders = Array(repeating: "?", count: nodes.count).joined(separator: ",")
    return try db.fetchValue(
      Int.self,
      sql: """
        SELECT COALESCE(SUM(total), 0) FROM queue_fenwick
        WHERE concert_id = ? AND node IN (\(placeholders))
        """,
      arguments: StatementArguments(
        [concert.rawValue] + nodes.map { $0 as any DatabaseValueConvertible }))!
  }

  /// The tree's nodes that change, and by how much, when `delta` is added at each of `seqs`.
  static func changes(adding delta: Int64, at seqs: [Int64]) -> [Int64: Int64] {
    var nodes: [Int64: Int64] = [:]
    for seq in seqs {
      precondition(seq > 0 && seq < capacity, "arrival number out of range")
      var node = seq
      while node < capacity {
        nodes[node, default: 0] += delta
        node += node & -node
      }
    }
    return nodes
  }

  /// The nodes whose totals add up to the waiters with an arrival number below `seq`.
  static func nodes(before seq: Int64) -> [Int64] {
    var nodes: [Int64] = []
    var node = seq - 1
    while node > 0 {
      nodes.append(node)
      node &= node - 1
    }
    return nodes
  }
}
