import Foundation
import GRDB
import Testing

@testable import BookingEngine

@Suite struct StorageTests {
  @Test func aFileThatIsNotADatabaseIsRefusedClearly() throws {
    let path = TestBed.temporaryPath()
    try Data(repeating: 0x42, count: 8_192).write(to: URL(fileURLWithPath: path))
    #expect(throws: BookingError.databaseCorrupt(path)) { try BookingEngine.open(path: path) }
    #expect("\(BookingError.databaseCorrupt(path))".contains("damaged or not an Encore database"))
  }

  @Test func theFileIsInWALModeWithDurableCommits() async throws {
    let engine = try BookingEngine.open(path: TestBed.temporaryPath())
    let journal = try await engine.database.writer.read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")!
    }
    #expect(journal == "wal")
    let writerSynchronous = try await engine.database.writer.writeWithoutTransaction { db in
      try Int.fetchOne(db, sql: "PRAGMA synchronous")!
    }
    #expect(writerSynchronous == 2, "FULL on the connection that commits")
  }

  /// SQLite 3.40's `UPDATE … RETURNING claimed_at IS NULL` said false for a row whose
  /// `claimed_at` is NULL, so expiry once recorded every lapsed turn as a claimed turn of
  /// the whole idle timeout: the line's lapse share stayed 0 and its turn mean grew.
  @Test func aTurnThatLapsesIsRecordedAsALapseNotAsAnIdleTurn() async throws {
    var rules = BookingPolicy()
    rules.activeCapacity = 1
    rules.claimWindow = 60
    rules.activeIdleTimeout = 600
    let bed = try await TestBed(policy: rules)
    let alice = try await bed.admitted("alice")
    var waiting: [Caller] = []
    for user in ["bob", "carol"] as [UserID] {
      let token = try await bed.engine.issueToken(user: user, concert: "garden")
      waiting.append(Caller(user: user, token: token.value))
    }
    bed.clock.advance(by: 100)
    try await bed.engine.leaveQueue(alice)  // a claimed turn of 100 s; bob is let in
    let line = { try await bed.engine.database.read { try QueueLine.fetch($0, "garden")! } }
    let before = try await line()
    #expect(before.turnMean == 100_000)

    bed.clock.advance(by: 61)  // bob never claims
    #expect(try await bed.engine.queueStatus(waiting[1]).isActive)
    #expect(try await bed.engine.queueStatus(waiting[0]).state == .expired)
    let after = try await line()
    #expect(after.turnMean == 100_000, "a lapse is no claimed turn")
    #expect((after.lapseShare ?? 0) > (before.lapseShare ?? 0), "the lapse is seen")
  }

  /// People let in the moment they join never stood in line: the line's pace and its
  /// share of lapsed turns are learnt from those who did.
  @Test func turnsLetInOnJoiningDoNotCountInTheLinesFlow() async throws {
    var rules = BookingPolicy()
    rules.activeCapacity = 2
    rules.claimWindow = 60
    let bed = try await TestBed(policy: rules)
    let alice = try await bed.admitted("alice")
    _ = try await bed.admitted("bob")
    let line = { try await bed.engine.database.read { try QueueLine.fetch($0, "garden")! } }
    var seen = try await line()
    #expect(seen.flow == 0 && seen.claimFlow == 0 && seen.flowSince == nil)
    #expect(seen.frontSeq == 2, "the front still moved")

    let carol = try await bed.joined("carol")
    bed.clock.advance(by: 5)
    try await bed.engine.leaveQueue(alice)
    #expect(try await bed.engine.queueStatus(carol).isActive)
    seen = try await line()
    #expect(seen.flow == 1, "carol waited")
    #expect(seen.flowSince == TestBed.start.addingTimeInterval(5).millis)
    bed.clock.advance(by: 61)  // carol walked away; the next to join moves the line
    _ = try await bed.engine.issueToken(user: "dave", concert: "garden")
    #expect(try await line().lapseShare == 1, "her lapse is all the line has seen")
  }

  @Test func aFailedPaymentWritesNothing() async throws {
    let bed = try await TestBed()
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 100_000)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["1"], on: date.id, alice), on: date.id, alice)
    await expectRefusal(.insufficientBalance(balance: 100_000, price: 150_000)) {
      try await bed.engine.pay(hold: hold.id, alice)
    }
    let audit = try await bed.engine.audit()
    #expect(audit.ticketsSold == 0)
    #expect(audit.isClean)
    #expect(try await bed.engine.balance(user: "alice").ledger.count == 1)
    #expect(try await bed.engine.queueStatus(alice).isActive, "the token is not used up")
  }

  @Test func reopeningAnExistingFileKeepsEverything() async throws {
    let path = TestBed.temporaryPath()
    do {
      let engine = try BookingEngine.open(path: path)
      try await engine.seedDemoCatalogIfEmpty()
      try await engine.charge(user: "alice", amount: 5_000)
    }
    let again = try BookingEngine.open(path: path)
    #expect(try await again.seedDemoCatalogIfEmpty() == false)
    #expect(try await again.balance(user: "alice").balance == 5_000)
  }
}
