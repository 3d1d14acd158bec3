import BookingEngine
import Foundation
import Testing

/// What the `booking-racer chaos` processes were told, read back from their logs, and
/// the checks that the database agrees, asked through the engine so that they hold on
/// either store: every success is there, every refusal left no trace, and a call cut off
/// by a kill shows up at most once.
struct ChaosLog {
  struct Line: Decodable {
    var begin: String?
    var op: String?
    var result: String?
    var code: String?
    var amount: Int64?
    var entry: Int64?
    var hold: Int64?
    var seats: [Int64]?
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
  var users: Set<String> { Set(processes.map(\.user)) }

  /// The call a process had begun and not heard back from when it was killed, with the
  /// hold it was for (a payment or a release follows its hold's line).
  private static func cutOff(_ lines: [Line]) -> (op: String, hold: Int64?)? {
    guard let last = lines.last, let begun = last.begin else { return nil }
    return (begun, lines.dropLast().last?.hold)
  }

  /// Holds every user's answered calls, and the calls cut off, against what `engine` reads.
  func expectPresentOrAbsent(in engine: BookingEngine) async throws {
    for user in users {
      let logs = processes.filter { $0.user == user }.map(\.lines)
      let lines = logs.flatMap { $0 }
      let cut = logs.compactMap(Self.cutOff)
      func answered(_ op: String) -> [Line] { lines.filter { $0.op == op && $0.result == "ok" } }
      func cutCount(_ op: String) -> Int { cut.count { $0.op == op } }
      let account = try await engine.balance(user: UserID(user))
      let tickets = try await engine.tickets(user: UserID(user))

      // Charges: told ok, in the ledger once under the id given; refused, absent.
      let charges = account.ledger.filter { $0.kind == .charge }
      for line in lines where line.op == "charge" {
        let entries = charges.filter { $0.delta == line.amount }
        #expect(
          entries.map(\.id) == (line.result == "ok" ? [line.entry!] : []),
          "\(user): charge \(line.amount ?? 0) told \(line.result ?? "")")
      }
      let okCharges = answered("charge").count
      #expect((okCharges...okCharges + cutCount("charge")).contains(charges.count), "\(user)")

      // Payments: told ok, in the ledger and in the tickets, seat for seat.
      let seatsOfHold = Dictionary(
        answered("hold").map { ($0.hold!, Set($0.seats ?? [])) }, uniquingKeysWith: { $1 })
      let payments = account.ledger.filter { $0.kind == .payment }
      for line in answered("pay") {
        let entry = payments.first { $0.paymentID?.rawValue == line.payment }
        #expect(entry?.delta == -(line.amount ?? 0), "\(user): payment \(line.payment ?? 0)")
        let seats = tickets.filter { $0.paymentID.rawValue == line.payment }.map(\.seat.id.rawValue)
        #expect(Set(seats) == seatsOfHold[line.hold!], "\(user): tickets of \(line.payment ?? 0)")
        #expect(seats.count == seatsOfHold[line.hold!]?.count)
      }
      let okPayments = answered("pay").count
      #expect((okPayments...okPayments + cutCount("pay")).contains(payments.count), "\(user)")

      // Holds: told ok, there with their seats.
      for line in answered("hold") {
        let hold = try await engine.hold(HoldID(line.hold!), user: UserID(user))
        #expect(Set(hold.seats.map(\.id.rawValue)) == seatsOfHold[line.hold!])
      }
      // Still live: every hold neither paid nor released (a refused payment leaves it so),
      // none told paid or released, and beyond those at most one per hold call cut off.
      let ended = Set((answered("pay") + answered("release")).map { $0.hold! })
      let unsure = Set(cut.compactMap { $0.op == "hold" ? nil : $0.hold })
      let open = Set(seatsOfHold.keys).subtracting(ended).subtracting(unsure)
      let live = Set(try await engine.holds(user: UserID(user)).map(\.hold.id.rawValue))
      #expect(open.isSubset(of: live), "\(user): open holds \(open.subtracting(live)) gone")
      #expect(live.isDisjoint(with: ended), "\(user): \(live.intersection(ended)) ended yet live")
      #expect(
        live.subtracting(open).subtracting(unsure).count <= cutCount("hold"),
        "\(user): live holds nobody was told of")
    }
  }
}
