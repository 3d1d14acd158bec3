import BookingEngine
import Foundation
import Testing

@Suite struct BoxOfficeTests {
  @Test(arguments: Store.all) func aUserNamedBoxOfficeOwnsNoneOfTheBoxOfficeSeats(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let caller = try await bed.admitted("box-office")
    let date = try await bed.onSaleDate(caller)
    let map = try await bed.engine.seats(on: date.id, caller)
    #expect(map.seat(labelled: "3")?.state == .sold)
    #expect(!map.seats.contains { $0.state == .yours })
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["11", "12", "13", "14"], on: date.id, caller), on: date.id,
      caller)
    #expect(hold.seats.count == 4)
    #expect(try await bed.engine.tickets(user: "box-office").isEmpty)
  }

  @Test(arguments: Store.all) func boxOfficeSeatsAreSoldToEveryoneAndCannotBeHeld(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    #expect(try await bed.engine.seats(on: date.id, alice).seat(labelled: "3")?.state == .sold)
    await expectRefusal(.seatSold("3")) {
      try await bed.engine.hold(
        seats: try await bed.seats(["3"], on: date.id, alice), on: date.id, alice)
    }
    #expect(try await bed.engine.audit().isClean)
  }

  @Test(arguments: Store.all) func theBoxOfficeTellsVenueSalesFromOnlineRevenue(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let venueSold = try await bed.engine.seats(on: date.id, alice).seats.filter {
      $0.state == .sold
    }.count
    try await bed.engine.charge(user: "alice", amount: 1_000_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["11", "12"], on: date.id, alice), on: date.id, alice)
    let payment = try await bed.engine.pay(hold: hold.id, alice)

    let office = try await bed.engine.boxOffice(concert: "garden", viewer: "olga")
    let sales = try #require(office.dates.first { $0.date.id == date.id })
    #expect(venueSold > 0)
    #expect(sales.sold == venueSold + 2)
    #expect(sales.soldAtBoxOffice == venueSold)
    #expect(sales.revenue == payment.amount)
    #expect(office.soldAtBoxOffice == office.dates.reduce(0) { $0 + $1.soldAtBoxOffice })
  }
}
