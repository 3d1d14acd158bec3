import BookingEngine
import Foundation
import Testing

@Suite struct HoldTests {
  @Test(arguments: Store.all) func holdingFreeSeatsKeepsThemForTheHoldDuration(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["14", "15"], on: date.id, alice), on: date.id, alice)
    #expect(hold.seats.map(\.label) == ["14", "15"])
    #expect(hold.amount == 300_000)
    #expect(hold.expiresAt == TestBed.start.addingTimeInterval(5 * 60))
    #expect(hold.user == "alice")
  }

  @Test(arguments: Store.all) func aSeatHeldBySomeoneElseIsRefusedAndNothingIsHeld(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["15"], on: date.id, alice), on: date.id, alice)

    let wanted = try await bed.seats(["14", "15"], on: date.id, bob)
    await expectRefusal(.seatTaken("15")) {
      try await bed.engine.hold(seats: wanted, on: date.id, bob)
    }
    // All or nothing: 14 was not kept for bob.
    #expect(try await bed.engine.seats(on: date.id, bob).seat(labelled: "14")?.state == .available)
  }

  @Test(arguments: Store.all) func soldSeatsAndOwnSeatsAreRefusedWithTheirReason(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    await expectRefusal(.seatSold("3")) {
      try await bed.engine.hold(
        seats: try await bed.seats(["3"], on: date.id, alice), on: date.id, alice)
    }
    let seven = try await bed.seats(["7"], on: date.id, alice)
    _ = try await bed.engine.hold(seats: seven, on: date.id, alice)
    await expectRefusal(.seatAlreadyYours("7")) {
      try await bed.engine.hold(seats: seven, on: date.id, alice)
    }
  }

  @Test(arguments: Store.all) func theSeatLimitCountsSeatsAlreadyYours(_ store: Store) async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let five = try await bed.seats(["21", "22", "23", "24", "25"], on: date.id, alice)
    await expectRefusal(.tooManySeats(requested: 5, alreadyYours: 0, limit: 4)) {
      try await bed.engine.hold(seats: five, on: date.id, alice)
    }
    _ = try await bed.engine.hold(seats: Array(five.prefix(3)), on: date.id, alice)
    await expectRefusal(.tooManySeats(requested: 2, alreadyYours: 3, limit: 4)) {
      try await bed.engine.hold(seats: Array(five.suffix(2)), on: date.id, alice)
    }
    await expectRefusal(.noSeatsChosen) { try await bed.engine.hold(seats: [], on: date.id, alice) }
  }

  @Test(arguments: Store.all) func unknownPastAndSoldOutAreRefused(_ store: Store) async throws {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let dates = try await bed.engine.dates(of: "garden", alice)
    let seat = try await bed.seats(["20"], on: dates[1].id, alice)
    await expectRefusal(.dateInPast(dates[0].id)) {
      try await bed.engine.hold(seats: seat, on: dates[0].id, alice)
    }
    await expectRefusal(.dateSoldOut(dates[2].id)) {
      try await bed.engine.hold(seats: seat, on: dates[2].id, alice)
    }
    await expectRefusal(.unknownDate(999)) {
      try await bed.engine.hold(seats: seat, on: 999, alice)
    }
    await expectRefusal(.unknownSeat("999999")) {
      try await bed.engine.hold(seats: [999_999], on: dates[1].id, alice)
    }
    // A seat of another concert's hall is not a seat here.
    let auroraCaller = try await bed.admitted("alice", to: "aurora")
    let auroraDate = try await bed.onSaleDate(of: "aurora", auroraCaller)
    let auroraSeat = try await bed.seats(["A1"], on: auroraDate.id, auroraCaller)
    await expectRefusal(.unknownSeat("\(auroraSeat[0])")) {
      try await bed.engine.hold(seats: auroraSeat, on: dates[1].id, alice)
    }
  }

  @Test(arguments: Store.all) func anExpiredHoldFreesItsSeatsForSomeoneElse(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    let seat = try await bed.seats(["30"], on: date.id, alice)
    _ = try await bed.engine.hold(seats: seat, on: date.id, alice)
    bed.clock.advance(by: 4 * 60 + 59)
    await expectRefusal(.seatTaken("30")) {
      try await bed.engine.hold(seats: seat, on: date.id, bob)
    }
    bed.clock.advance(by: 1)
    #expect(try await bed.engine.seats(on: date.id, bob).seat(labelled: "30")?.state == .available)
    let bobs = try await bed.engine.hold(seats: seat, on: date.id, bob)
    #expect(bobs.user == "bob")
  }

  @Test(arguments: Store.all) func releasingGivesTheSeatsBackAtOnce(_ store: Store) async throws {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    let seat = try await bed.seats(["31"], on: date.id, alice)
    let hold = try await bed.engine.hold(seats: seat, on: date.id, alice)
    await expectRefusal(.holdOfAnotherUser(hold.id)) {
      try await bed.engine.release(hold: hold.id, user: "bob")
    }
    await expectRefusal(.unknownHold(12_345)) {
      try await bed.engine.release(hold: 12_345, user: "alice")
    }
    try await bed.engine.release(hold: hold.id, user: "alice")
    _ = try await bed.engine.hold(seats: seat, on: date.id, bob)
    await expectRefusal(.holdReleased(hold.id)) { try await bed.engine.pay(hold: hold.id, alice) }
  }
}
