import BookingEngine
import Foundation
import Testing

@Suite struct PaymentTests {
  @Test(arguments: Store.all) func payingSellsTheSeatsDeductsAndUsesTheToken(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 400_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["14", "15"], on: date.id, alice), on: date.id, alice)

    let payment = try await bed.engine.pay(hold: hold.id, alice)

    #expect(payment.amount == 300_000)
    #expect(payment.balanceAfter == 100_000)
    #expect(try await bed.engine.balance(user: "alice").balance == 100_000)
    let ledger = try await bed.engine.balance(user: "alice").ledger
    #expect(ledger.map(\.delta) == [400_000, -300_000])
    #expect(ledger.last?.paymentID == payment.id)
    #expect(try await bed.engine.seats(on: date.id, bob).seat(labelled: "14")?.state == .sold)
    #expect(try await bed.engine.tickets(user: "alice").map(\.seat.label) == ["14", "15"])
    #expect(try await bed.engine.queueStatus(alice).state == .used)
    await expectRefusal(.tokenUsed) { try await bed.engine.dates(of: "garden", alice) }
    try await bed.expectBalanceMatchesLedger("alice")
  }

  @Test(arguments: Store.all) func payingOnceTheDateHasStartedIsRefused(_ store: Store) async throws
  {
    let bed = try await TestBed(store)
    let date = try await bed.onSaleDate(try await bed.admitted("early"))
    try await bed.engine.charge(user: "alice", amount: 400_000)
    bed.clock.set(date.startsAt.addingTimeInterval(-60))
    let alice = try await bed.admitted("alice")
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["14"], on: date.id, alice), on: date.id, alice)
    bed.clock.advance(by: 120)  // the hold has minutes left; the show has begun
    await expectRefusal(.dateInPast(date.id)) { try await bed.engine.pay(hold: hold.id, alice) }
    #expect(try await bed.engine.balance(user: "alice").balance == 400_000)
    #expect(try await bed.engine.tickets(user: "alice").isEmpty)
    await expectRefusal(.dateInPast(date.id)) {
      try await bed.engine.hold(
        seats: try await bed.seats(["15"], on: date.id, alice), on: date.id, alice)
    }
  }

  @Test(arguments: Store.all) func tooLittleBalanceIsRefusedWithTheShortfallAndChangesNothing(
    _ store: Store
  ) async throws {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 30_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["45"], on: date.id, alice), on: date.id, alice)
    await expectRefusal(.insufficientBalance(balance: 30_000, price: 90_000)) {
      try await bed.engine.pay(hold: hold.id, alice)
    }
    #expect(BookingError.insufficientBalance(balance: 30_000, price: 80_000).shortfall == 50_000)
    #expect(
      "\(BookingError.insufficientBalance(balance: 30_000, price: 80_000))"
        == "Insufficient balance: balance 30,000 won, price 80,000 won: 50,000 won short.")
    #expect(try await bed.engine.balance(user: "alice").balance == 30_000)
    #expect(try await bed.engine.tickets(user: "alice").isEmpty)
    // The hold survives: charge and pay.
    try await bed.engine.charge(user: "alice", amount: 60_000)
    let payment = try await bed.engine.pay(hold: hold.id, alice)
    #expect(payment.balanceAfter == 0)
  }

  @Test(arguments: Store.all) func payingTwiceReturnsTheFirstPaymentAndChargesOnce(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 500_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["12"], on: date.id, alice), on: date.id, alice)
    let first = try await bed.engine.pay(hold: hold.id, alice)
    let second = try await bed.engine.pay(hold: hold.id, alice)
    #expect(first == second)
    #expect(try await bed.engine.balance(user: "alice").balance == 350_000)
    await expectRefusal(.holdAlreadyPaid(hold.id)) {
      try await bed.engine.release(hold: hold.id, user: "alice")
    }
  }

  @Test(arguments: Store.all) func anExpiredHoldCannotBePaidNorOverwriteALaterBuyer(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 500_000)
    try await bed.engine.charge(user: "bob", amount: 500_000)
    let seat = try await bed.seats(["33"], on: date.id, alice)
    let late = try await bed.engine.hold(seats: seat, on: date.id, alice)
    bed.clock.advance(by: 5 * 60 + 12)
    await expectRefusal(.holdExpired(late.id, secondsAgo: 12)) {
      try await bed.engine.pay(hold: late.id, alice)
    }
    #expect("\(BookingError.holdExpired(late.id, secondsAgo: 12))".contains("expired 12 s ago"))

    let bobs = try await bed.engine.hold(seats: seat, on: date.id, bob)
    _ = try await bed.engine.pay(hold: bobs.id, bob)
    await expectRefusal(.holdExpired(late.id, secondsAgo: 12)) {
      try await bed.engine.pay(hold: late.id, alice)
    }
    #expect(try await bed.engine.tickets(user: "bob").map(\.seat.label) == ["33"])
    #expect(try await bed.engine.tickets(user: "alice").isEmpty)
    #expect(try await bed.engine.balance(user: "alice").balance == 500_000)
  }

  @Test(arguments: Store.all) func onlyTheOwnerMayPayAHold(_ store: Store) async throws {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["40"], on: date.id, alice), on: date.id, alice)
    await expectRefusal(.holdOfAnotherUser(hold.id)) {
      try await bed.engine.pay(hold: hold.id, bob)
    }
    await expectRefusal(.unknownHold(777)) { try await bed.engine.pay(hold: 777, bob) }
  }
}
