import Foundation
import Testing

@Suite("encore hold / release")
struct HoldCommandTests {
  @Test func holdingSeatsByLabelPrintsTheHoldAndTotal() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let result = try await sandbox.encore("hold", "2", "14", "15")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Hold 1: Quiet Garden Unplugged"))
    #expect(result.stdout.contains("14    VIP    150,000 won"))
    #expect(result.stdout.contains("      total  300,000 won"))
    #expect(result.stderr.contains("Next: encore pay 1"))
  }

  @Test func holdJSONHasIdSeatsAndExpiry() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join("aurora")
    let result = try await sandbox.encore("hold", "8", "a1", "A2", "--json")  // aurora's last date
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json()
    #expect(json["hold_id"] as? Int == 1)
    #expect(json["amount"] as? Int == 360_000)
    let seats = try #require(json["seats"] as? [[String: Any]])
    #expect(seats.map { $0["label"] as? String } == ["A1", "A2"])
    let created = try #require(iso(json["created_at"]))
    let expires = try #require(iso(json["expires_at"]))
    #expect(abs(expires.timeIntervalSince(created) - 300) < 1)
  }

  @Test func anUnknownSeatIsRefusedAndNothingIsHeld() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let result = try await sandbox.encore("hold", "2", "14", "99", "--json")
    #expect(result.status == 1)
    #expect(try result.errorCode() == "unknown_seat")
    #expect(result.stderr.contains("There is no seat 99 in this hall."))
    let seats = try await sandbox.encore("seats", "2", "--json").json()["seats"] as? [[String: Any]]
    #expect(seats?.first { $0["label"] as? String == "14" }?["state"] as? String == "available")
  }

  @Test func aSoldSeatOrAnUnknownDateIsRefused() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let sold = try await sandbox.encore("hold", "2", "3", "--json")
    #expect(sold.status == 1)
    #expect(try sold.errorCode() == "seat_sold")
    let unknown = try await sandbox.encore("hold", "999", "1", "--json")
    #expect(try unknown.errorCode() == "unknown_date")
  }

  @Test func holdingWithoutJoiningAsksYouToJoin() async throws {
    let result = try await Sandbox().encore("hold", "2", "14")
    #expect(result.status == 1)
    #expect(result.stderr.contains("Join the queue first"))
  }

  @Test func aSeatHeldBySomeoneElseIsTaken() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    try await sandbox.as("bob").join()
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    let bob = try await sandbox.as("bob").encore("hold", "2", "14", "--json")
    #expect(bob.status == 1)
    #expect(try bob.errorCode() == "seat_taken")
  }

  @Test func holdNeedsAtLeastOneSeat() async throws {
    let result = try await Sandbox().encore("hold", "2")
    #expect(result.status == 64)
    #expect(result.stderr.contains("Name at least one seat"))
  }

  @Test func releasingFreesTheSeats() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    let released = try await sandbox.encore("release", "1")
    #expect(released.status == 0)
    #expect(released.stdout.contains("Released hold 1"))
    let again = try await sandbox.encore("release", "1", "--json")
    #expect(again.status == 0, "releasing twice changes nothing")
    #expect(try again.json()["released"] as? Bool == true)
    let seats = try await sandbox.encore("seats", "2", "--json").json()["seats"] as? [[String: Any]]
    #expect(seats?.first { $0["label"] as? String == "14" }?["state"] as? String == "available")
  }

  @Test func releasingAnUnknownSomeoneElsesOrAPaidHoldIsRefused() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    let unknown = try await sandbox.encore("release", "42", "--json")
    #expect(unknown.status == 1)
    #expect(try unknown.errorCode() == "unknown_hold")
    let other = try await sandbox.as("bob").encore("release", "1", "--json")
    #expect(other.status == 1)
    #expect(try other.errorCode() == "hold_of_another_user")
    try await sandbox.charge(150_000)
    #expect(try await sandbox.encore("pay", "1").status == 0)
    let paid = try await sandbox.encore("release", "1", "--json")
    #expect(paid.status == 1)
    #expect(try paid.errorCode() == "hold_already_paid")
  }

  private func iso(_ value: Any?) -> Date? {
    (value as? String).flatMap { try? Date.ISO8601FormatStyle().parse($0) }
  }
}
