import BookingEngine
import Testing

/// The one reader of typed amounts, shared by `encore points charge` and the app.
@Suite struct WonParsingTests {
  @Test(arguments: [("300000", Int64(300_000)), ("300,000", 300_000), ("1_000", 1_000), ("7", 7)])
  func digitsWithOrWithoutGroupingAreRead(text: String, amount: Int64) throws {
    #expect(try Won.parse(text) == amount)
  }

  @Test(arguments: ["-5", "1e9", "q1e9", "12.5", "1,,000", "30,00", " 5", "５", "-0", "+5"])
  func anythingElseIsRefusedWithTheTextInTheSentence(text: String) {
    #expect(throws: AmountError.malformed(text)) { try Won.parse(text) }
    #expect(AmountError.malformed(text).description.contains("“\(text)”"))
  }

  @Test func emptyZeroAndTooLargeHaveTheirOwnSentences() {
    #expect(throws: AmountError.empty) { try Won.parse("") }
    #expect(throws: AmountError.notPositive("000")) { try Won.parse("000") }
    let nines = String(repeating: "9", count: 20)
    #expect(throws: AmountError.tooLarge(nines)) { try Won.parse(nines) }
    #expect(AmountError.tooLarge(nines).description.contains("far too large"))
  }
}
