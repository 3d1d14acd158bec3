import Foundation
import GRDB
import Testing

/// What the `booking-racer chaos` processes were told, read back from their logs, and
/// the checks that the database agrees: every success is there, every refusal left no
/// trace, and a call cut off by a kill shows up at most once.
struct ChaosLog {
  struct Line: Decodable {
    var begin: String?
    var op: String?
    var result: String?
    var code: String?
    var amount: Int64?
    var entry: Int64?
    var hold: Int64?
    var payment: Int64?
  }

  /// Every process's lines, with the user of each file.
  var processes: [(user: String, lines: [Line])] = []

  init(folder: URL) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".jsonl") }
    let decoder = JSONDecoder()
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let slot = name.prefix { $0 != "-" }.dropFirst("slot".count)
      // A line cut short by the kill is no answer.
      let lines = text.split(separator: "\n").compactMap {
        try? decoder.decode(Line.self, from: Data($0.utf8))
      }
      processes.append(("buyer\(slot)", lines))
    }
  }

  var outcomes: Int { processes.map { $0.lines.count { $0.result != nil } }.reduce(0, +) }
  var refusals: Int { processes.map { $0.lines.count { $0.result == "refused" } }.reduce(0, +) }

  /// The operation a process had begun and not heard back from when it was killed.
  private func cutOff(_ lines: [Line]) -> String? {
    guard let last = lines.last, let begun = last.begin else { return nil }
    return begun
  }

  func expectPresentOrAbsent(in db: Database) throws {
    var cutOffs: [String: [String]] = [:]
    for (user, lines) in processes {
      if let op = cutOff(lines) { cutOffs[user, default: []].append(op) }
      for line in lines where line.result != nil {
        try expect(line, user: user, in: db)
      }
    }
    // Beyond the answered calls, each user has at most one row per call cut off.
    for user in Set(processes.map(\.user)) {
      let lines = processes.filter { $0.user == user }.flatMap(\.lines)
      let cut = cutOffs[user] ?? []
      func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [user])! }
      let charges = try count("SELECT COUNT(*) FROM ledger WHERE user_id = ? AND kind = 'charge'")
      let answeredCharges = lines.count { $0.op == "charge" && $0.result == "ok" }
      #expect((answeredCharges...answeredCharges + cut.count { $0 == "charge" }).contains(charges))
      let holds = try count("SELECT COUNT(*) FROM hold WHERE user_id = ?")
      let answeredHolds = lines.count { $0.op == "hold" && $0.result == "ok" }
      #expect((answeredHolds...answeredHolds + cut.count { $0 == "hold" }).contains(holds))
      let payments = try count("SELECT COUNT(*) FROM payment WHERE user_id = ?")
      let answeredPayments = lines.count { $0.op == "pay" && $0.result == "ok" }
      #expect((answeredPayments...answeredPayments + cut.count { $0 == "pay" }).contains(payments))
    }
  }

  private func expect(_ line: Line, user: String, in db: Database) throws {
    let ok = line.result == "ok"
    switch line.op {
    case "charge":
      let entries = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM ledger WHERE user_id = ? AND kind = 'charge' AND delta = ?",
        arguments: [user, line.amount])!
      #expect(entries == (ok ? 1 : 0), "charge \(line.amount ?? 0) told \(line.result ?? "")")
      if ok {
        let id = try Int64.fetchOne(
          db, sql: "SELECT id FROM ledger WHERE user_id = ? AND delta = ?",
          arguments: [user, line.amount])
        #expect(id == line.entry)
      }
    case "hold" where ok:
      let owner = try String.fetchOne(
        db, sql: "SELECT user_id FROM hold WHERE id = ?", arguments: [line.hold])
      #expect(owner == user)
    case "pay":
      let row = try Row.fetchOne(
        db, sql: "SELECT id, amount, user_id FROM payment WHERE hold_id = ?", arguments: [line.hold]
      )
      if ok {
        #expect(row?["id"] == line.payment)
        #expect(row?["amount"] == line.amount)
        #expect(row?["user_id"] == user)
      } else {
        #expect(row == nil, "a refused payment of hold \(line.hold ?? 0) left a payment")
      }
    case "release" where ok:
      let held = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM seat_state WHERE hold_id = ? AND sale IS NULL",
        arguments: [line.hold])
      #expect(held == 0)
    default:
      break
    }
  }
}
