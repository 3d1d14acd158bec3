import Foundation
import GRDB
import Testing

@testable import BookingEngine

/// What keeps a hold and a payment cheap: index use, the one-statement authorisation,
/// and a read-only process that never opens the writing connection.
@Suite struct EngineCostTests {
  @Test func theSeatsAlreadyYoursCheckReadsIndexesNotTheWholeDate() async throws {
    let bed = try await TestBed()
    let plan = try await bed.engine.database.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN " + BookingSQL.seatsAlreadyYours, arguments: [1, "alice", 0]
      ).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("seat_state_by_buyer (sold_to=? AND date_id=?)") })
    #expect(plan.contains { $0.contains("seat_state_by_holder (holder=? AND date_id=?)") })
    #expect(!plan.contains { $0.contains("PRIMARY KEY") || $0.hasPrefix("SCAN seat_state") })
  }

  @Test func onASoldOutDateEveryRefusalSaysSoldOut() async throws {
    let bed = try await TestBed()
    let alice = try await bed.admitted("alice")
    let soldOut = try await bed.engine.dates(of: "garden", alice)[2]
    #expect(soldOut.availability == .soldOut)
    await expectRefusal(.dateSoldOut(soldOut.id)) {
      try await bed.engine.hold(seats: [], on: soldOut.id, alice)
    }
    await expectRefusal(.dateSoldOut(soldOut.id)) {
      try await bed.engine.hold(seats: [999_999], on: soldOut.id, alice)
    }
  }

  @Test func holdingKeepsTheTurnAliveAndPayingUsesTheTokenUp() async throws {
    var policy = BookingPolicy()
    policy.activeIdleTimeout = 60
    let bed = try await TestBed(policy: policy)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 1_000_000)
    bed.clock.advance(by: 50)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["1"], on: date.id, alice), on: date.id, alice)
    // Held at 50 s, the turn now lasts until 110 s: still active at 100 s.
    bed.clock.advance(by: 50)
    #expect(try await bed.engine.queueStatus(alice).isActive)
    _ = try await bed.engine.pay(hold: hold.id, alice)
    #expect(try await bed.engine.queueStatus(alice).state == .used)
    await expectRefusal(.tokenUsed) {
      try await bed.engine.hold(
        seats: try await bed.seats(["2"], on: date.id, alice), on: date.id, alice)
    }
  }

  @Test func aTokenOfAnotherConcertOrUserIsRefusedByName() async throws {
    let bed = try await TestBed()
    let alice = try await bed.admitted("alice")
    let bob = try await bed.admitted("bob", to: "aurora")
    let date = try await bed.onSaleDate(alice)
    let seats = try await bed.seats(["3"], on: date.id, alice)
    await expectRefusal(.tokenForAnotherConcert("aurora")) {
      try await bed.engine.hold(seats: seats, on: date.id, Caller(user: "bob", token: bob.token))
    }
    await expectRefusal(.tokenOfAnotherUser) {
      try await bed.engine.hold(seats: seats, on: date.id, Caller(user: "bob", token: alice.token))
    }
  }

  @Test func aProcessThatOnlyReadsNeverOpensTheWritingConnection() async throws {
    let path = TestBed.temporaryPath()
    do {
      let setup = try BookingEngine.open(path: path)
      try await setup.seedDemoCatalogIfEmpty()
      #expect(setup.database.writerIsOpen)
    }
    // So it takes no write lock, and never checkpoints the WAL as it closes.
    let reader = try BookingEngine.open(path: path)
    #expect(try await reader.concerts().count == 3)
    #expect(try await reader.seedDemoCatalogIfEmpty() == false)
    #expect(!reader.database.writerIsOpen)
  }
}
