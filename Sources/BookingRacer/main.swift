// Races other processes on one database file, for the engine's multi-process tests.
//
//   booking-racer DB USER CONCERT DATE SEAT_ID,SEAT_ID,... CHARGES SHARED_USER
//
// Charges USER 3,000,000 won, then tries to hold and pay each seat in turn, and
// charges SHARED_USER 100 won CHARGES times. Prints one line of JSON: the seats won
// and the won charged to SHARED_USER.
import BookingEngine
import Foundation

struct Outcome: Encodable {
  var won: [Int64] = []
  var sharedCharged: Int64 = 0
  var refusals: [String: Int] = [:]
}

let arguments = CommandLine.arguments
guard arguments.count == 8, let date = Int64(arguments[4]), let charges = Int(arguments[6]) else {
  FileHandle.standardError.write(
    Data("usage: booking-racer DB USER CONCERT DATE SEATS CHARGES SHARED\n".utf8))
  exit(2)
}
let user = UserID(arguments[2])
let concert = ConcertID(arguments[3])
let seats = arguments[5].split(separator: ",").compactMap { Int64($0) }.map(SeatID.init)
let shared = UserID(arguments[7])

var policy = BookingPolicy()
policy.activeCapacity = nil
policy.maxSeatsPerUser = 1_000
let engine = try BookingEngine.open(path: arguments[1], policy: policy)
var outcome = Outcome()
for _ in 0..<3 { try await engine.charge(user: user, amount: 1_000_000) }
for (index, seat) in seats.enumerated() {
  // A payment uses the token up: join again for every seat.
  let caller = Caller(
    user: user, token: try await engine.issueToken(user: user, concert: concert).value)
  do {
    let hold = try await engine.hold(seats: [seat], on: DateID(date), caller)
    _ = try await engine.pay(hold: hold.id, caller)
    outcome.won.append(seat.rawValue)
  } catch let error as BookingError {
    outcome.refusals[error.code, default: 0] += 1
  }
  if index < charges {
    _ = try await engine.charge(user: shared, amount: 100)
    outcome.sharedCharged += 100
  }
}
for _ in seats.count..<max(seats.count, charges) {
  _ = try await engine.charge(user: shared, amount: 100)
  outcome.sharedCharged += 100
}
let encoder = JSONEncoder()
encoder.keyEncodingStrategy = .convertToSnakeCase
print(String(decoding: try encoder.encode(outcome), as: UTF8.self))
