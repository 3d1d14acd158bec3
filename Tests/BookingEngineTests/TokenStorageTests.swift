import Foundation
import GRDB
import Testing

@testable import BookingEngine

@Suite struct TokenStorageTests {
  @Test func theDatabaseKeepsOnlyDigestsSoACopyCannotStandInLine() async throws {
    let bed = try await TestBed(onDisk: true)
    let alice = try await bed.admitted("alice")
    let date = try await bed.onSaleDate(alice)
    try await bed.engine.charge(user: "alice", amount: 200_000)
    _ = try await bed.engine.hold(
      seats: try await bed.seats(["12"], on: date.id, alice), on: date.id, alice)
    let stored = try await bed.engine.database.read { db in
      try String.fetchAll(db, sql: "SELECT token FROM queue_token UNION ALL SELECT token FROM hold")
    }
    #expect(stored == [alice.token.digest, alice.token.digest])
    #expect(alice.token.digest.count == 64)
    let dump =
      try Data(contentsOf: URL(fileURLWithPath: bed.engine.path))
      + ((try? Data(contentsOf: URL(fileURLWithPath: bed.engine.path + "-wal"))) ?? Data())
    #expect(
      dump.range(of: Data(alice.token.rawValue.utf8)) == nil, "the token is nowhere in the file")
    // Someone with a copy of the file has the digest, which is no token.
    await expectRefusal(.unknownToken) {
      try await bed.engine.queueStatus(Caller(user: "alice", token: TokenValue(stored[0])))
    }
  }

  @Test func digestsAreComparedWholeAndInConstantTimeShape() {
    let digest = TokenDigest.of("abc")
    #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(TokenDigest.matches(digest, digest))
    #expect(!TokenDigest.matches(digest, String(digest.dropLast()) + "e"))
    #expect(!TokenDigest.matches(digest, String(digest.dropLast())))
  }

  @Test func aVersion3FileKeepsItsTokensAndBoxOfficeSalesAfterMigrating() async throws {
    let path = TestBed.temporaryPath()
    let old = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(old, upTo: "v3: queue policy per concert")
    // Let in just now, so the turn is still running by the rules of any later version.
    let now = TestBed.start.millis
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO concert (id, title, venue, sort_order) VALUES ('c', 'C', 'V', 1);
          INSERT INTO tier (concert_id, name, price, rank) VALUES ('c', 'R', 1000, 0);
          INSERT INTO seat (id, concert_id, label, section, row_label, number, tier, grid_row, grid_col)
            VALUES (1, 'c', '1', 'Main', '1', 1, 'R', 0, 0), (2, 'c', '2', 'Main', '1', 2, 'R', 0, 1);
          INSERT INTO concert_date (id, concert_id, starts_at) VALUES (1, 'c', 4102444800000);
          INSERT INTO seat_state (date_id, seat_id, sold_to) VALUES (1, 1, 'box-office'), (1, 2, NULL);
          INSERT INTO queue_line (concert_id, next_seq, waiting_count) VALUES ('c', 2, 0);
          INSERT INTO queue_token (token, concert_id, user_id, seq, state, issued_at, last_seen_at,
            admitted_at, active_until)
            VALUES ('00112233445566778899aabbccddeeff', 'c', 'box-office', 1, 'active', \(now),
              \(now), \(now), 4102444800000);
          """)
    }
    try old.close()

    let clock = ManualClock(TestBed.start)
    let engine = try BookingEngine.open(path: path, clock: clock)
    let caller = Caller(user: "box-office", token: "00112233445566778899aabbccddeeff")
    #expect(try await engine.queueStatus(caller).isActive)
    let seats = try await engine.seats(on: 1, caller).seats
    #expect(seats.map(\.state) == [.sold, .available])
    let mark = try await engine.database.read { db in
      try Int32.fetchOne(db, sql: "PRAGMA application_id")
    }
    #expect(mark == Schema.applicationID)
  }
}
