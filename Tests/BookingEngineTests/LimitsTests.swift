import Foundation
import GRDB
import Testing

@testable import BookingEngine

/// Inputs at the edges of Int64 and TimeInterval are refused, never trapped on.
@Suite struct LimitsTests {
  @Test func aTierPricedNearInt64MaxHeldTwiceIsRefused() async throws {
    let bed = try await TestBed()
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    // A file written by hand (or by an older Encore) may hold any price.
    try await bed.engine.database.writer.write { db in
      try db.execute(
        sql: "UPDATE tier SET price = ? WHERE name = 'VIP'", arguments: [Int64.max - 1])
    }
    await expectRefusal(.amountBeyondLimit(limit: Won.limit)) {
      try await bed.engine.hold(
        seats: try await bed.seats(["11", "12"], on: date.id, alice), on: date.id, alice)
    }
    #expect(
      try await bed.engine.seats(on: date.id, alice).seat(labelled: "11")?.state == .available)
  }

  @Test func aCatalogPricedBeyondTheLimitIsRefused() async throws {
    let bed = try await TestBed()
    var catalog = DemoCatalog.make(now: TestBed.start)
    catalog.concerts = [catalog.concerts[0]]
    catalog.concerts[0].id = "dear"
    catalog.concerts[0].tiers[0].price = Int64.max
    await #expect(throws: BookingError.self) { try await bed.engine.seed(catalog) }
    catalog.concerts[0].tiers[0].price = 150_000
    catalog.concerts[0].dates[0].startsAt = Date(timeIntervalSince1970: 1e300)
    await #expect(throws: BookingError.self) { try await bed.engine.seed(catalog) }
    #expect(try await bed.engine.concerts().count == 3)
  }

  @Test func hugeDurationsAndCountsInAPolicyAreRefused() async throws {
    var policy = BookingPolicy()
    policy.holdDuration = 1e300
    #expect(throws: BookingError.self) { try BookingEngine.inMemory(policy: policy) }
    policy = BookingPolicy()
    policy.holdDuration = .nan
    #expect(throws: BookingError.self) {
      try BookingEngine.open(path: TestBed.temporaryPath(), policy: policy)
    }
    policy = BookingPolicy()
    policy.maxBalance = .max
    #expect(throws: BookingError.self) { try BookingEngine.inMemory(policy: policy) }

    let bed = try await TestBed()
    var rules = try await bed.engine.queuePolicy(concert: "garden")
    rules.activeIdleTimeout = Double(Int.max)
    await #expect(throws: BookingError.self) {
      try await bed.engine.setQueuePolicy(rules, concert: "garden")
    }
    rules = try await bed.engine.queuePolicy(concert: "garden")
    rules.admissionsPerMinute = .max
    await #expect(throws: BookingError.self) {
      try await bed.engine.setQueuePolicy(rules, concert: "garden")
    }
    let message =
      "\(BookingError.invalidPolicy("The idle timeout (s) must be between 1.0 and 2592000.0 (got 9e+18)."))"
    #expect(message.hasPrefix("The booking policy cannot be used: The idle timeout"))
  }
}
