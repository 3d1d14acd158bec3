import Foundation
import Testing

@Suite("encore operators, and queue rules for operators only")
struct OperatorsCommandTests {
  @Test func theFirstOperatorClosesTheRulesToEveryoneElse() async throws {
    let sandbox = try Sandbox()
    let empty = try await sandbox.encore("operators", "list")
    #expect(empty.stdout.contains("No operators yet"))
    // An open sale: anyone may change the rules, as scripts always could.
    #expect(try await sandbox.as("bob").encore("queue", "rules", "garden", "--pause").status == 0)

    #expect(try await sandbox.as("olga").encore("operators", "add", "olga").status == 0)
    let refused = try await sandbox.as("bob").encore(
      "queue", "rules", "garden", "--resume", "--json")
    #expect(refused.status == 1)
    #expect(try refused.errorCode() == "not_an_operator")
    #expect(refused.stderr.contains("bob is not an operator of this sale"))
    #expect(
      try await sandbox.as("bob").encore("queue", "rules", "garden", "--capacity", "3").status == 1)
    // Looking is not changing.
    let shown = try await sandbox.as("bob").encore("queue", "rules", "garden", "--json")
    #expect(shown.status == 0)
    #expect(try shown.json()["active_capacity"] as? Int == 100)

    #expect(try await sandbox.as("bob").encore("operators", "add", "bob").status == 1)
    #expect(try await sandbox.as("olga").encore("operators", "add", "bob").status == 0)
    #expect(try await sandbox.as("bob").encore("queue", "rules", "garden", "--resume").status == 0)
    let listed = try await sandbox.encore("operators", "list", "--json").json()
    let names = (listed["operators"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    #expect(names == ["olga", "bob"])
    #expect(try await sandbox.as("bob").encore("operators", "remove", "olga").status == 0)
    #expect(try await sandbox.as("olga").encore("queue", "rules", "garden", "--pause").status == 1)
  }
}
