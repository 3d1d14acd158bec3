import Foundation
import Testing

@Suite("encore points")
struct PointsCommandTests {
  @Test func chargingAddsToTheBalance() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("points", "charge", "250000")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Charged 250,000 won. Balance: 250,000 won"))
    let json = try await sandbox.encore("points", "charge", "1,000", "--json").json()
    #expect(json["amount"] as? Int == 1_000)
    #expect(json["balance"] as? Int == 251_000)
    #expect((json["entry"] as? [String: Any])?["kind"] as? String == "charge")
  }

  @Test func balanceAndLedger() async throws {
    let sandbox = try Sandbox()
    try await sandbox.charge(300_000)
    try await sandbox.charge(20_000)
    let table = try await sandbox.encore("points")
    #expect(table.status == 0)
    #expect(table.stdout.hasPrefix("Balance: 320,000 won"))
    #expect(table.stdout.contains("charge   +20,000 won  320,000 won"))
    let json = try await sandbox.encore("points", "--json").json()
    #expect(json["balance"] as? Int == 320_000)
    let ledger = try #require(json["ledger"] as? [[String: Any]])
    #expect(ledger.map { $0["amount"] as? Int } == [300_000, 20_000])
    #expect(ledger.last?["balance_after"] as? Int == 320_000)
    #expect(ledger.last?["payment_id"] is NSNull || ledger.last?["payment_id"] == nil)
  }

  @Test func anEmptyAccountHasZero() async throws {
    let json = try await Sandbox().encore("points", "balance", "--json").json()
    #expect(json["balance"] as? Int == 0)
    #expect((json["ledger"] as? [Any])?.isEmpty == true)
  }

  @Test(arguments: ["-5", "1e9", "abc", "0", "12.5", "1,,000", "-0"])
  func badAmountsAreArgumentErrors(amount: String) async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("points", "charge", amount)
    #expect(result.status == 64)
    #expect(result.stderr.contains("must be a positive whole number"))
    #expect(result.stderr.contains(amount))
    #expect(try await sandbox.encore("points", "--json").json()["balance"] as? Int == 0)
  }

  @Test func aMissingOrExtraAmountIsAnArgumentError() async throws {
    let sandbox = try Sandbox()
    let none = try await sandbox.encore("points", "charge")
    #expect(none.status == 64)
    #expect(none.stderr.contains("Give one amount"))
    let two = try await sandbox.encore("points", "charge", "5", "6")
    #expect(two.status == 64)
  }

  @Test func aChargeOverTheLimitIsRefusedByTheEngine() async throws {
    let result = try await Sandbox().encore("points", "charge", "1000001", "--json")
    #expect(result.status == 1)
    #expect(try result.errorCode() == "charge_too_large")
    let huge = try await Sandbox().encore("points", "charge", "99999999999999999999")
    #expect(huge.status == 64)
    #expect(huge.stderr.contains("too large"))
  }
}
