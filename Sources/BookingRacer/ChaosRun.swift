import BookingEngine
import Foundation

/// Books, pays, releases and charges at random until killed, writing what it is about to
/// do and what each call answered to a log, for the SIGKILL test to hold against the
/// database.
///
/// Every line is one `write(2)` of JSON: `{"begin":"charge"}` before a call, then one
/// outcome line after it returns (`"ok"` with the ids it got, or `"refused"` with the
/// code). A call cut off by SIGKILL leaves a `begin` without an outcome: it may or may not
/// have committed, and the checker allows both.
struct ChaosRun {
  var path: String
  var user: UserID
  var concert: ConcertID
  var date: DateID
  var seats: [SeatID]
  /// Makes every charge amount of this process unique: 50,000 + 10,000 × incarnation + op.
  var incarnation: Int
  var seed: UInt64
  var log: String
  /// A bound so a racer whose parent died stops by itself.
  var maxOperations = 5_000

  func run() async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = nil
    policy.maxSeatsPerUser = 1_000
    policy.maxBalance = 2_000_000
    policy.maxCharge = 1_000_000
    let engine = try await BookingEngine.open(database: path, policy: policy)
    let descriptor = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
    let dice = SeededRandomSource(seed: seed)
    func note(_ fields: [String: Any]) throws {
      var line = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
      line.append(0x0A)
      _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
    func refused(_ op: String, _ error: BookingError, _ extra: [String: Any] = [:]) throws {
      try note(extra.merging(["op": op, "result": "refused", "code": error.code]) { $1 })
    }
    for operation in 0..<maxOperations {
      switch dice.next() % 20 {
      case 0..<7:
        let amount = Int64(50_000 + 10_000 * incarnation + operation)
        try note(["begin": "charge"])
        do {
          let entry = try await engine.charge(user: user, amount: amount)
          try note(["op": "charge", "result": "ok", "amount": amount, "entry": entry.id])
        } catch let error as BookingError {
          try refused("charge", error, ["amount": amount])
        }
      default:
        let token = try await engine.issueToken(user: user, concert: concert)
        let caller = Caller(user: user, token: token.value)
        let count = 1 + Int(dice.next() % 2)
        let chosen = (0..<count).map { _ in seats[Int(dice.next() % UInt64(seats.count))] }
        try note(["begin": "hold"])
        let hold: Hold
        do {
          hold = try await engine.hold(seats: chosen, on: date, caller)
          try note([
            "op": "hold", "result": "ok", "hold": hold.id.rawValue,
            "seats": hold.seats.map(\.id.rawValue),
          ])
        } catch let error as BookingError {
          try refused("hold", error)
          continue
        }
        let releases = dice.next() % 4 == 0
        try note(["begin": releases ? "release" : "pay"])
        do {
          if releases {
            try await engine.release(hold: hold.id, user: user)
            try note(["op": "release", "result": "ok", "hold": hold.id.rawValue])
          } else {
            let payment = try await engine.pay(hold: hold.id, caller)
            try note([
              "op": "pay", "result": "ok", "hold": hold.id.rawValue,
              "payment": payment.id.rawValue, "amount": payment.amount,
            ])
          }
        } catch let error as BookingError {
          try refused(releases ? "release" : "pay", error, ["hold": hold.id.rawValue])
        }
      }
    }
  }
}
