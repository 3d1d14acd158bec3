import Foundation

/// The booking rules on plain values, for every store: which seats a hold asks for, how
/// many a user may have, what they cost, and why a seat, a hold or a payment is refused.
enum BookingRules {
  /// The seats asked for, each once, in the order first asked.
  static func distinctSeats(_ requested: [SeatID]) throws -> [SeatID] {
    var seen = Set<SeatID>()
    let seats = requested.filter { seen.insert($0).inserted }
    guard !seats.isEmpty else { throw BookingError.noSeatsChosen }
    return seats
  }

  /// Refuses a hold that would give the user more seats of a date than the policy allows.
  static func checkSeatLimit(requested: Int, alreadyYours: Int, policy: BookingPolicy) throws {
    guard alreadyYours + requested <= policy.maxSeatsPerUser else {
      throw BookingError.tooManySeats(
        requested: requested, alreadyYours: alreadyYours, limit: policy.maxSeatsPerUser)
    }
  }

  /// The seats' total price; a price or total beyond ``Won/limit`` is refused, never summed
  /// into an overflow.
  static func total(_ seats: [HeldSeat]) throws -> Int64 {
    var sum: Int64 = 0
    for seat in seats {
      guard seat.price > 0, seat.price <= Won.limit - sum else {
        throw BookingError.amountBeyondLimit(limit: Won.limit)
      }
      sum += seat.price
    }
    return sum
  }

  /// Why a seat could not be taken: sold, yours already, or someone else's.
  static func seatRefusal(_ seat: HeldSeat, sold: Bool, holder: String?, user: UserID)
    -> BookingError
  {
    if sold { return .seatSold(seat.label) }
    if holder == user.rawValue { return .seatAlreadyYours(seat.label) }
    return .seatTaken(seat.label)
  }

  /// The payment made earlier for `record`'s hold, given back when it is paid again.
  static func earlierPayment(_ record: HoldStore.Record) -> Payment? {
    record.payment.map { earlier in
      Payment(
        id: PaymentID(earlier.id), holdID: record.hold.id, user: record.hold.user,
        amount: record.hold.amount, paidAt: Date(millis: earlier.paidAt),
        balanceAfter: earlier.balanceAfter, seats: record.hold.seats)
    }
  }

  /// Refuses paying for a hold whose date has started, that was released or that ran out.
  static func checkPayable(_ record: HoldStore.Record, now: Int64) throws {
    let hold = record.hold
    guard record.startsAt > now else { throw BookingError.dateInPast(hold.dateID) }
    if record.released { throw BookingError.holdReleased(hold.id) }
    let expiresAt = hold.expiresAt.millis
    guard expiresAt > now else {
      throw BookingError.holdExpired(hold.id, secondsAgo: Int((now - expiresAt) / 1000))
    }
  }

  /// Refuses a charge that would take the balance past the policy's cap.
  static func checkCharge(balance: Int64, amount: Int64, policy: BookingPolicy) throws {
    guard balance <= policy.maxBalance - amount else {
      throw BookingError.balanceCapExceeded(
        balance: balance, amount: amount, cap: policy.maxBalance)
    }
  }

  /// Whether a date can be chosen: past once it starts, sold out with no unsold seat.
  static func availability(startsAt: Int64, unsold: Int, now: Int64) -> ConcertDate.Availability {
    startsAt <= now ? .past : unsold == 0 ? .soldOut : .onSale
  }
}
