import Foundation
import Testing

@Suite("Global options before the subcommand")
struct LeadingOptionsTests {
  @Test func databaseAndUserMayComeBeforeTheSubcommand() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore(
      "--database", sandbox.scratch, "--user", "bob", "concerts", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.json()["concerts"] != nil)
    #expect(FileManager.default.fileExists(atPath: sandbox.scratch))
    #expect(!FileManager.default.fileExists(atPath: sandbox.defaultDatabase.path))
  }

  @Test func nestedSubcommandsAndEqualsFormsWork() async throws {
    let sandbox = try Sandbox()
    let joined = try await sandbox.encore(
      "--user=carol", "--database=\(sandbox.scratch)", "--verbose", "queue", "join", "garden",
      "--json")
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(try joined.json()["state"] as? String == "active")
    // The token saved by that join is found with the options after the subcommand.
    let status = try await sandbox.encore(
      "queue", "status", "garden", "--json", "--user", "carol", "--database", sandbox.scratch)
    #expect(status.status == 0, "\(status.stderr)")
    #expect(try status.json()["state"] as? String == "active")
    let balance = try await sandbox.encore("--user", "carol", "points", "balance", "--json")
    #expect(try balance.json()["user"] as? String == "carol")
  }

  @Test func withoutASubcommandTheOptionsStillGoToTheApp() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("--user", "alice", "--database", sandbox.scratch)
    #expect(result.status == 1)
    #expect(result.stderr.contains("interactive terminal"))
  }

  @Test func aValueThatLooksLikeASubcommandStaysAValue() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("--user", "concerts", "points", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.json()["user"] as? String == "concerts")
  }
}
