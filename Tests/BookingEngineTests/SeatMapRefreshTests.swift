import BookingEngine
import Foundation
import Testing

/// A refresh re-reads only what changed, and shows every change: holds, sales, releases
/// and holds that end by themselves.
@Suite struct SeatMapRefreshTests {
  @Test(arguments: Store.all) func aRefreshShowsOthersHoldsSalesAndEndedHoldsAndMatchesAFullRead(
    _ store: Store
  ) async throws {
    var policy = BookingPolicy()
    policy.holdDuration = 60
    let bed = try await TestBed(store, policy: policy)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    var map = try await bed.engine.seats(on: date.id, alice)
    #expect(try await bed.engine.refresh(map, alice) == map, "unchanged: the same map")

    try await bed.engine.charge(user: "bob", amount: 1_000_000)
    let held = try await bed.engine.hold(
      seats: try await bed.seats(["11", "12"], on: date.id, bob), on: date.id, bob)
    let sold = try await bed.engine.hold(
      seats: try await bed.seats(["13"], on: date.id, bob), on: date.id, bob)
    _ = try await bed.engine.pay(hold: sold.id, bob)
    let mine = try await bed.engine.hold(
      seats: try await bed.seats(["20"], on: date.id, alice), on: date.id, alice)
    map = try await bed.engine.refresh(map, alice)
    #expect(map.seat(labelled: "11")?.state == .held)
    #expect(map.seat(labelled: "13")?.state == .sold)
    #expect(map.seat(labelled: "20")?.state == .heldByYou)
    let afterSales = try await bed.engine.seats(on: date.id, alice)
    #expect(map.seats == afterSales.seats)
    #expect(map.date == afterSales.date, "seats left, counted as seats change")

    try await bed.engine.release(hold: mine.id, user: "alice")
    bed.clock.advance(by: 61)  // bob's hold of 11 and 12 ends by itself
    map = try await bed.engine.refresh(map, alice)
    #expect(map.seat(labelled: "11")?.state == .available)
    #expect(map.seat(labelled: "20")?.state == .available)
    let full = try await bed.engine.seats(on: date.id, alice)
    #expect(map.seats == full.seats)
    #expect(map.date == full.date)
    _ = held
  }

  @Test(arguments: Store.all) func aRefreshFindsChangedSeatsInAMapInAnyOrder(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    var map = try await bed.engine.seats(on: date.id, alice)
    map.seats.reverse()  // no longer in the order of the seats' ids
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["11", "30"], on: date.id, bob), on: date.id, bob)
    let copy = map
    map = try await bed.engine.refresh(map, alice)
    #expect(map.seat(labelled: "11")?.state == .held)
    #expect(map.seat(labelled: "30")?.state == .held)
    #expect(copy.seat(labelled: "11")?.state == .available, "a map still in use is not changed")
    let full = try await bed.engine.seats(on: date.id, alice)
    #expect(map.seats.reversed() == full.seats)
    #expect(map.date == full.date)
  }

  @Test(arguments: Store.all) func aRefreshNeedsARunningTurnOfTheCaller(_ store: Store) async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let map = try await bed.engine.seats(on: date.id, alice)
    await expectRefusal(.tokenOfAnotherUser) {
      try await bed.engine.refresh(map, Caller(user: "mallory", token: alice.token))
    }
    try await bed.engine.leaveQueue(alice)
    await expectRefusal(.tokenExpired) { try await bed.engine.refresh(map, alice) }
  }
}
