import Foundation
import Testing

@Suite("encore tickets")
struct TicketsCommandTests {
  @Test func noTicketsYet() async throws {
    let sandbox = try Sandbox()
    let table = try await sandbox.encore("tickets")
    #expect(table.status == 0)
    #expect(table.stdout.isEmpty)
    #expect(table.stderr.contains("No tickets yet"))
    let json = try await sandbox.encore("tickets", "--json").json()
    #expect((json["tickets"] as? [Any])?.isEmpty == true)
    #expect(json["user"] as? String == "alice")
  }

  @Test func boughtSeatsAreListedInBothForms() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join("seoul-jazz")
    #expect(try await sandbox.encore("hold", "10", "H3").status == 0)  // seoul-jazz's last date
    try await sandbox.charge(55_000)
    #expect(try await sandbox.encore("pay", "1").status == 0)
    let table = try await sandbox.encore("tickets")
    #expect(table.stdout.contains("서울 재즈 나이트 Seoul Jazz Night"))
    #expect(table.stdout.contains("H3    A     55,000 won        1"))
    let json = try await sandbox.encore("tickets", "--json").json()
    let ticket = try #require((json["tickets"] as? [[String: Any]])?.first)
    #expect(ticket["concert"] as? String == "seoul-jazz")
    #expect(ticket["date_id"] as? Int == 10)
    #expect(ticket["payment_id"] as? Int == 1)
    #expect((ticket["seat"] as? [String: Any])?["label"] as? String == "H3")
  }
}
