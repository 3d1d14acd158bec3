import BookingEngine
import Foundation
import Testing

@Suite("encore pay")
struct PayCommandTests {
  @Test func payingWithTooFewPointsSaysHowManyAreMissing() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14", "15").status == 0)
    try await sandbox.charge(100_000)
    let result = try await sandbox.encore("pay", "1", "--json")
    #expect(result.status == 1)
    #expect(try result.errorCode() == "insufficient_balance")
    #expect(result.stderr.contains("200,000 won short"))
    let plain = try await sandbox.encore("pay", "1")
    #expect(plain.status == 1)
    #expect(plain.stdout.isEmpty)
    #expect(plain.stderr.contains("Insufficient balance: balance 100,000 won, price 300,000 won"))
  }

  @Test func payingReturnsThePaymentAndTheNewBalance() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14", "15").status == 0)
    try await sandbox.charge(1_000_000)
    let result = try await sandbox.encore("pay", "1", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json()
    #expect(json["payment_id"] as? Int == 1)
    #expect(json["hold_id"] as? Int == 1)
    #expect(json["amount"] as? Int == 300_000)
    #expect(json["balance"] as? Int == 700_000)
    #expect((json["seats"] as? [[String: Any]])?.count == 2)
    #expect((json["paid_at"] as? String)?.hasSuffix("Z") == true)
  }

  @Test func theTableFormSaysWhatWasPaid() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "20").status == 0)
    try await sandbox.charge(150_000)
    let result = try await sandbox.encore("pay", "1")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Paid 150,000 won for seats 20 (payment 1)."))
    #expect(result.stdout.contains("Balance: 0 won"))
  }

  @Test func payingAnUnknownOrSomeoneElsesHoldIsRefused() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let unknown = try await sandbox.encore("pay", "7", "--json")
    #expect(unknown.status == 1)
    #expect(try unknown.errorCode() == "unknown_hold")
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    let other = try await sandbox.as("bob").encore("pay", "1", "--json")
    #expect(try other.errorCode() == "hold_of_another_user")
  }

  @Test func payingAnExpiredHoldIsRefused() async throws {
    let sandbox = try Sandbox()
    #expect(try await sandbox.scratchEncore("concerts").status == 0)
    // The CLI runs on the wall clock, so the hold is made in-process by an engine whose
    // clock is 400 s behind: its 5-minute hold ended 100 s ago by the time the CLI pays.
    let past = try BookingEngine.open(
      path: sandbox.scratch, clock: ManualClock(Date().addingTimeInterval(-400)), durable: false)
    let token = try await past.issueToken(user: "alice", concert: "garden")
    let caller = Caller(user: "alice", token: token.value)
    let seat = try #require(try await past.seats(on: 2, caller).seat(labelled: "14"))
    let hold = try await past.hold(seats: [seat.id], on: 2, caller)
    // Joining from the CLI keeps alice's place under a new token, saved in her jar.
    try await sandbox.join(scratch: true)
    try await sandbox.charge(150_000, scratch: true)

    let result = try await sandbox.scratchEncore("pay", "\(hold.id)", "--json")
    #expect(result.status == 1)
    #expect(try result.errorCode() == "hold_expired")
    #expect(result.stderr.contains("Your hold expired"))
  }

  @Test func payingAgainUsesUpTheTokenSoTheNextHoldNeedsANewPlace() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "14").status == 0)
    try await sandbox.charge(150_000)
    #expect(try await sandbox.encore("pay", "1").status == 0)
    let next = try await sandbox.encore("hold", "2", "16", "--json")
    #expect(try next.errorCode() == "token_used")
    try await sandbox.join()
    #expect(try await sandbox.encore("hold", "2", "16").status == 0)
  }
}

extension Sandbox {
  /// Adds points as this user, expecting success.
  func charge(_ amount: Int, scratch: Bool = false) async throws {
    let arguments =
      ["points", "charge", "\(amount)"] + (scratch ? ["--database", self.scratch] : [])
    let result = try await run(arguments, extra: [:])
    #expect(result.status == 0, "charge failed: \(result.stderr)")
  }
}
