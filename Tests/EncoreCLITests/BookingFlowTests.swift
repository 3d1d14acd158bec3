import Foundation
import Testing

/// The worked example of the README, one process per step, on `--database scratch.sqlite`.
@Suite("Booking a seat from the shell")
struct BookingFlowTests {
  @Test func joinDatesSeatsHoldPayChargePayTickets() async throws {
    let sandbox = try Sandbox()

    let joined = try await sandbox.scratchEncore("queue", "join", "garden", "--json")
    #expect(try joined.json()["state"] as? String == "active")

    let dates = try await sandbox.scratchEncore("dates", "garden", "--json").json()
    let onSale = try #require(
      (dates["dates"] as? [[String: Any]])?.first { $0["availability"] as? String == "on_sale" })
    let date = try #require(onSale["date_id"] as? Int)

    let seats = try await sandbox.scratchEncore("seats", "\(date)", "--json").json()
    let free = try #require(
      (seats["seats"] as? [[String: Any]])?.first { $0["state"] as? String == "available" })
    let label = try #require(free["label"] as? String)
    let price = try #require(free["price"] as? Int)

    let hold = try await sandbox.scratchEncore("hold", "\(date)", label, "--json")
    #expect(hold.status == 0, "\(hold.stderr)")
    let holdID = try #require(try hold.json()["hold_id"] as? Int)

    let short = try await sandbox.scratchEncore("pay", "\(holdID)", "--json")
    #expect(short.status == 1)
    #expect(try short.errorCode() == "insufficient_balance")

    let charged = try await sandbox.scratchEncore("points", "charge", "\(price)", "--json")
    #expect(try charged.json()["balance"] as? Int == price)

    let paid = try await sandbox.scratchEncore("pay", "\(holdID)", "--json")
    #expect(paid.status == 0, "\(paid.stderr)")
    #expect(try paid.json()["balance"] as? Int == 0)

    let tickets = try await sandbox.scratchEncore("tickets", "--json").json()
    let ticket = try #require((tickets["tickets"] as? [[String: Any]])?.first)
    #expect((ticket["seat"] as? [String: Any])?["label"] as? String == label)
    #expect(!FileManager.default.fileExists(atPath: sandbox.defaultDatabase.path))
  }
}
