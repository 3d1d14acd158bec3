import Foundation
import Testing

@Suite("Global options, paths and help")
struct GlobalOptionsTests {
  @Test func firstRunCreatesTheDefaultDatabaseWithTheDemoCatalogAndPrivateModes() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("concerts", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let concerts = try #require(try result.json()["concerts"] as? [[String: Any]])
    #expect(concerts.map { $0["id"] as? String } == ["garden", "aurora", "seoul-jazz"])
    #expect(try mode(of: sandbox.defaultDatabase) == 0o600)
    #expect(try mode(of: sandbox.defaultDatabase.deletingLastPathComponent()) == 0o700)
    #expect(try mode(of: sandbox.logFile) == 0o600)
  }

  @Test func databaseOptionUsesThatFileAndCreatesItPrivate() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.scratchEncore("concerts")
    #expect(result.status == 0)
    #expect(try mode(of: URL(fileURLWithPath: sandbox.scratch)) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: sandbox.defaultDatabase.path))
  }

  @Test func databaseInAMissingFolderIsRefusedClearly() async throws {
    let sandbox = try Sandbox()
    let path = sandbox.root.appendingPathComponent("nowhere/x.sqlite").path
    let result = try await sandbox.encore("concerts", "--json", "--database", path)
    #expect(result.status == 1)
    #expect(try result.errorCode() == "no_such_folder")
    #expect(result.stderr.contains("does not exist"))
  }

  @Test func withoutUserOrUSERTheCommandAsksWhoYouAre() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("concerts", environment: ["USER": nil])
    #expect(result.status == 64)
    #expect(result.stderr.contains("pass --user NAME"))
    let named = try await sandbox.encore(
      "points", "--user", "bob", "--json", environment: ["USER": nil])
    #expect(named.status == 0)
    #expect(try named.json()["user"] as? String == "bob")
  }

  @Test func verboseLogsDebugLinesToTheFileAndNothingToTheScreen() async throws {
    let sandbox = try Sandbox()
    let result = try await sandbox.encore("points", "--json", "--verbose")
    #expect(result.status == 0)
    #expect(!result.stderr.contains("debug"))
    _ = try result.json()
    let log = try String(contentsOf: sandbox.logFile, encoding: .utf8)
    #expect(log.contains("debug encore: opening database"))
  }

  @Test(
    arguments: [
      ["--help"], ["concerts", "--help"], ["queue", "--help"], ["queue", "join", "--help"],
      ["queue", "status", "--help"], ["dates", "--help"], ["seats", "--help"], ["hold", "--help"],
      ["release", "--help"], ["pay", "--help"], ["points", "--help"],
      ["points", "balance", "--help"],
      ["points", "charge", "--help"], ["tickets", "--help"], ["demo", "--help"], ["tui", "--help"],
    ])
  func everyCommandHasHelpWithAnExample(arguments: [String]) async throws {
    let result = try await Sandbox().run(arguments, extra: [:])
    #expect(result.status == 0)
    #expect(result.stdout.contains("encore "))
    let groups: [[String]] = [["--help"], ["queue", "--help"], ["points", "--help"]]
    #expect(result.stdout.contains("--user") || groups.contains(arguments))
    #expect(result.stdout.contains("Example") || result.stdout.contains("encore queue join"))
  }

  @Test func withoutATerminalTheTUIExplainsWhyItCannotStart() async throws {
    let result = try await Sandbox().encore()
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains("Encore needs an interactive terminal, but standard input is not one.")
    )
  }

  private func mode(of url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
  }
}
