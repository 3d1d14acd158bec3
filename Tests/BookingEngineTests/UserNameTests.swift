import Foundation
import GRDB
import Testing

@testable import BookingEngine

@Suite struct UserNameTests {
  @Test func precomposedAndDecomposedNamesAreOneUserStoredOnce() async throws {
    let bed = try await TestBed()
    let composed = UserID("Jos\u{E9}")
    let decomposed = UserID("Jose\u{301}")
    try await bed.engine.charge(user: composed, amount: 200_000)
    try await bed.engine.charge(user: decomposed, amount: 100_000)
    #expect(try await bed.engine.balance(user: decomposed).balance == 300_000)
    let accounts = try await bed.engine.database.read { db in
      try String.fetchAll(db, sql: "SELECT user_id FROM account")
    }
    #expect(accounts.map { Array($0.utf8) } == [Array("Jos\u{E9}".utf8)])

    let caller = try await bed.admitted(decomposed)
    let date = try await bed.onSaleDate(caller)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["12"], on: date.id, caller), on: date.id, caller)
    #expect(hold.user.rawValue.utf8.elementsEqual("Jos\u{E9}".utf8))
    let payment = try await bed.engine.pay(
      hold: hold.id, Caller(user: composed, token: caller.token))
    #expect(payment.balanceAfter == 150_000)
    #expect(try await bed.engine.audit().isClean)
  }

  @Test func namesAreTrimmedAndBlankOrControlNamesRefused() async throws {
    #expect(try UserName.normalized("  alice\t") == "alice")
    #expect(try UserName.normalized("김민지") == "김민지")
    for bad in [
      "", "   ", "\t\n", "\u{200B}", "\u{301}", "a\u{1B}[2Jb", "bob\u{7}", "eve\u{202E}cilA",
      String(repeating: "x", count: 65),
    ] {
      #expect(throws: BookingError.invalidUser(bad)) { try UserName.normalized(bad) }
    }
    let bed = try await TestBed()
    await expectRefusal(.invalidUser("   ")) { try await bed.engine.charge(user: "   ", amount: 1) }
    await expectRefusal(.invalidUser(" ")) {
      try await bed.engine.issueToken(user: " ", concert: "garden")
    }
  }

  @Test func theAuditFindsAPaymentWhoseUserIsNotTheHolds() async throws {
    let bed = try await TestBed()
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 200_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["12"], on: date.id, alice), on: date.id, alice)
    _ = try await bed.engine.pay(hold: hold.id, alice)
    #expect(try await bed.engine.audit().paymentsNotMatchingHolds == 0)
    try await bed.engine.database.writer.write { db in
      try db.execute(sql: "UPDATE payment SET user_id = 'mallory'")
    }
    let audit = try await bed.engine.audit()
    #expect(audit.paymentsNotMatchingHolds == 1)
    #expect(!audit.isClean)
  }
}
