import BookingEngine
import Foundation
import Testing

@Suite struct CatalogTests {
  @Test(arguments: Store.all) func theDemoHasThreeConcertsWithTheSeedsHall(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let concerts = try await bed.engine.concerts()
    #expect(concerts.map(\.id) == ["garden", "aurora", "seoul-jazz"])
    #expect(concerts.map(\.seatCount) == [50, 2_000, 120])

    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    let map = try await bed.engine.seats(on: date.id, alice)
    #expect(map.seats.map(\.label) == (1...50).map(String.init))
    #expect(map.tiers.map(\.name) == ["VIP", "R", "S"])
    #expect(map.seat(labelled: "1")?.tier.price == 150_000)
    #expect(map.seat(labelled: "50")?.tier.price == 90_000)
  }

  @Test(arguments: Store.all) func seedingTwiceKeepsOneCatalog(_ store: Store) async throws {
    let bed = try await TestBed(store)
    #expect(try await bed.engine.seedDemoCatalogIfEmpty() == false)
    #expect(try await bed.engine.concerts().count == 3)
  }

  @Test(arguments: Store.all) func datesArePastSoldOutOrOnSaleWithSeatsLeft(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let dates = try await bed.engine.dates(of: "garden", alice)
    #expect(dates.map(\.availability) == [.past, .onSale, .soldOut, .onSale])
    #expect(dates.map(\.seatsLeft) == [50, 45, 0, 47])
    #expect(dates.allSatisfy { $0.seatCount == 50 })
    #expect(dates.map(\.startsAt) == dates.map(\.startsAt).sorted())
  }

  @Test(arguments: Store.all) func theBigHallHasSectionsRowsAndFourTiers(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice", to: "aurora")
    let date = try await bed.onSaleDate(of: "aurora", alice)
    let map = try await bed.engine.seats(on: date.id, alice)
    #expect(map.seats.count == 2_000)
    #expect(Set(map.seats.map(\.row)).count == 40)
    #expect(map.tiers.map(\.price) == [180_000, 140_000, 100_000, 70_000])
    #expect(map.seat(labelled: "AN50")?.section == "Balcony Right")
    #expect(map.seats.filter { $0.state == .sold }.count == 2_000 - date.seatsLeft)
  }

  @Test(arguments: Store.all) func seatsShowWhoseTheyAre(_ store: Store) async throws {
    let bed = try await TestBed(store)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob")
    let date = try await bed.onSaleDate(alice)
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["7"], on: date.id, alice), on: date.id, alice)

    let forAlice = try await bed.engine.seats(on: date.id, alice)
    let forBob = try await bed.engine.seats(on: date.id, bob)
    #expect(forAlice.seat(labelled: "7")?.state == .heldByYou)
    #expect(forBob.seat(labelled: "7")?.state == .held)
    #expect(forBob.seat(labelled: "3")?.state == .sold)
    #expect(forBob.seat(labelled: "8")?.state == .available)
    #expect(try await bed.engine.dates(of: "garden", bob)[1].seatsLeft == 44)
  }
}
