import BookingEngine
import Foundation
import Testing

/// What a user can see of their own standing without a token: live holds, a paused line.
@Suite struct StandingTests {
  @Test(arguments: Store.all) func liveHoldsNameTheirConcertDateAndSeatsSoonestFirst(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store, onDisk: true)
    let alice = try await bed.admitted("alice")
    let dates = try await bed.engine.dates(of: "garden", alice).filter {
      $0.availability == .onSale
    }
    let first = try await bed.engine.hold(
      seats: try await bed.seats(["9", "10"], on: dates[0].id, alice), on: dates[0].id, alice)
    bed.clock.advance(by: 10)
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["20"], on: dates[1].id, alice), on: dates[1].id, alice)
    let bob = try await bed.admitted("bob")
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["5"], on: dates[0].id, bob), on: dates[0].id, bob)

    let holds = try await bed.engine.holds(user: "alice")
    #expect(holds.map(\.date.id) == [dates[0].id, dates[1].id])
    #expect(holds[0].hold == first)
    #expect(holds[0].concert.title == "Quiet Garden Unplugged")
    #expect(holds[0].date.startsAt == dates[0].startsAt)
    #expect(holds[1].hold.seats.map(\.label) == ["20"])
  }

  @Test(arguments: Store.all) func releasedPaidAndExpiredHoldsAreNotLive(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    try await bed.engine.charge(user: "alice", amount: 1_000_000)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let released = try await bed.engine.hold(
      seats: try await bed.seats(["1"], on: date.id, alice), on: date.id, alice)
    try await bed.engine.release(hold: released.id, user: "alice")
    let paid = try await bed.engine.hold(
      seats: try await bed.seats(["2"], on: date.id, alice), on: date.id, alice)
    _ = try await bed.engine.pay(hold: paid.id, alice)
    let again = try await bed.admitted("alice")
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["5"], on: date.id, again), on: date.id, again)
    #expect(try await bed.engine.holds(user: "alice").count == 1)
    bed.clock.advance(by: bed.engine.policy.holdDuration)
    #expect(try await bed.engine.holds(user: "alice").isEmpty)
  }
}
