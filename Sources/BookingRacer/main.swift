// Races other processes on one database (a file, or a postgres:// URL), for the engine's
// multi-process tests.
//
//   booking-racer seats DB USER CONCERT DATE SEAT_ID,SEAT_ID,... CHARGES SHARED_USER
//     Charges USER 3,000,000 won, then tries to hold and pay each seat in turn, and
//     charges SHARED_USER 100 won CHARGES times.
//   booking-racer queue DB CONCERT PREFIX COUNT LEAVE_EVERY
//     Joins COUNT users named PREFIX-i one after another (nobody is let in), and has
//     every LEAVE_EVERY-th of them leave again.
//   booking-racer chaos DB USER CONCERT DATE SEAT_ID,SEAT_ID,... INCARNATION SEED LOG
//     Charges, holds, pays and releases at random (seeded) until killed, logging each
//     call before and after it to LOG.
//
// The seats and queue races print one line of JSON describing what happened.
import BookingEngine
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let encoder = JSONEncoder()
encoder.keyEncodingStrategy = .convertToSnakeCase

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("booking-racer: \(message)\n".utf8))
  exit(2)
}

switch arguments.first {
case "seats":
  guard arguments.count == 8, let date = Int64(arguments[4]), let charges = Int(arguments[6]) else {
    fail("usage: booking-racer seats DB USER CONCERT DATE SEATS CHARGES SHARED")
  }
  let outcome = try await SeatRace(
    path: arguments[1], user: UserID(arguments[2]), concert: ConcertID(arguments[3]),
    date: DateID(date),
    seats: arguments[5].split(separator: ",").compactMap { Int64($0) }.map(SeatID.init),
    charges: charges, shared: UserID(arguments[7])
  ).run()
  print(String(decoding: try encoder.encode(outcome), as: UTF8.self))
case "queue":
  guard arguments.count == 6, let count = Int(arguments[4]), let leaveEvery = Int(arguments[5])
  else {
    fail("usage: booking-racer queue DB CONCERT PREFIX COUNT LEAVE_EVERY")
  }
  let outcome = try await QueueRace(
    path: arguments[1], concert: ConcertID(arguments[2]), prefix: arguments[3], count: count,
    leaveEvery: leaveEvery
  ).run()
  print(String(decoding: try encoder.encode(outcome), as: UTF8.self))
case "chaos":
  guard arguments.count == 9, let date = Int64(arguments[4]), let incarnation = Int(arguments[6]),
    let seed = UInt64(arguments[7])
  else {
    fail("usage: booking-racer chaos DB USER CONCERT DATE SEATS INCARNATION SEED LOG")
  }
  try await ChaosRun(
    path: arguments[1], user: UserID(arguments[2]), concert: ConcertID(arguments[3]),
    date: DateID(date),
    seats: arguments[5].split(separator: ",").compactMap { Int64($0) }.map(SeatID.init),
    incarnation: incarnation, seed: seed, log: arguments[8]
  ).run()
case "lock-line":
  #if PostgreSQL
    guard arguments.count == 3 else { fail("usage: booking-racer lock-line DB CONCERT") }
    try await LineLock(url: arguments[1], concert: arguments[2]).run()
  #else
    fail("lock-line needs a build with --traits PostgreSQL")
  #endif
default:
  fail("the first argument is the race: seats, queue, chaos or lock-line")
}
