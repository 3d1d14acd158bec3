import BookingEngine
import Foundation
import Testing

@Suite struct PointTests {
  @Test(arguments: Store.all) func chargingAddsAndRecordsEveryEntry(_ store: Store) async throws {
    let bed = try await TestBed(store)
    #expect(
      try await bed.engine.balance(user: "newcomer")
        == PointAccount(user: "newcomer", balance: 0, ledger: []))
    let entry = try await bed.engine.charge(user: "alice", amount: 50_000)
    #expect(entry.balanceAfter == 50_000)
    #expect(entry.kind == .charge)
    try await bed.engine.charge(user: "alice", amount: 1_000_000)
    let account = try await bed.engine.balance(user: "alice")
    #expect(account.balance == 1_050_000)
    #expect(account.ledger.map(\.balanceAfter) == [50_000, 1_050_000])
  }

  @Test(arguments: [Int64(0), -5, Int64.min])
  func nonPositiveAmountsAreRefused(amount: Int64) async throws {
    let bed = try await TestBed()
    await expectRefusal(.invalidAmount(amount)) {
      try await bed.engine.charge(user: "alice", amount: amount)
    }
    #expect(try await bed.engine.balance(user: "alice").ledger.isEmpty)
  }

  @Test(arguments: Store.all) func chargesAndBalancesHaveCeilings(_ store: Store) async throws {
    let bed = try await TestBed(store)
    await expectRefusal(.chargeTooLarge(1_000_001, limit: 1_000_000)) {
      try await bed.engine.charge(user: "alice", amount: 1_000_001)
    }
    await expectRefusal(.chargeTooLarge(.max, limit: 1_000_000)) {
      try await bed.engine.charge(user: "alice", amount: .max)
    }
    for _ in 0..<10 { try await bed.engine.charge(user: "alice", amount: 1_000_000) }
    await expectRefusal(.balanceCapExceeded(balance: 10_000_000, amount: 1, cap: 10_000_000)) {
      try await bed.engine.charge(user: "alice", amount: 1)
    }
    try await bed.expectBalanceMatchesLedger("alice")
  }
}
