import Foundation
import Testing

@Suite("Control characters never reach the terminal raw")
struct TerminalSafetyTests {
  @Test func anEscapeSequenceInUserIsEchoedEscaped() async throws {
    let result = try await Sandbox().encore("points", "--user", "eve\u{1B}[2J\u{7}")
    #expect(result.status == 64)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(!result.stderr.contains("\u{7}"))
    #expect(result.stderr.contains("eve\\u{1B}[2J\\u{7}"))
  }

  @Test func anEscapeSequenceInAConcertIdIsEchoedEscaped() async throws {
    let result = try await Sandbox().encore("queue", "join", "x\u{1B}]0;owned\u{7}")
    #expect(result.status == 1)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stderr.contains("x\\u{1B}]0;owned\\u{7}"))
  }

  @Test func argumentParserErrorsAreEscapedToo() async throws {
    let result = try await Sandbox().encore("concerts", "--\u{1B}[31mred")
    #expect(result.status == 64)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stderr.contains("\\u{1B}[31mred"))
  }

  @Test func namesAreNormalisedSoTheJarAndTheDatabaseAgree() async throws {
    let sandbox = try Sandbox()
    let composed = try await sandbox.encore("points", "charge", "5000", "--user", "Jos\u{E9}")
    #expect(composed.status == 0, "\(composed.stderr)")
    let decomposed = try await sandbox.encore("points", "--json", "--user", " Jose\u{301} ")
    #expect(try decomposed.json()["balance"] as? Int == 5_000)
    let blank = try await sandbox.encore("points", "--user", "   ")
    #expect(blank.status == 64)
    #expect(blank.stderr.contains("--user needs a name"))
  }
}
