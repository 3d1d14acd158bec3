import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct FormatTests {
    @Test func wonGroupsThousands() {
      #expect(Format.won(1_234_567) == "1,234,567 won")
      #expect(Format.won(-5_000) == "-5,000 won")
      #expect(Format.won(0) == "0 won")
      #expect(Format.won(999) == "999 won")
      #expect(Format.won(Int64.min) == "-9,223,372,036,854,775,808 won")
    }

    @Test func groupedNumbers() {
      #expect(Format.grouped(1284) == "1,284")
      #expect(Format.grouped(100_000) == "100,000")
      #expect(Format.grouped(12) == "12")
    }

    @Test func countdownShowsMinutesAndSeconds() {
      #expect(Format.countdown(seconds: 272) == "4:32")
      #expect(Format.countdown(seconds: 5) == "0:05")
      #expect(Format.countdown(seconds: -3) == "0:00")
      #expect(Format.countdown(seconds: 3723) == "1:02:03")
    }

    @Test func durationInWords() {
      #expect(Format.duration(seconds: 128) == "2 min 08 s")
      #expect(Format.duration(seconds: 45) == "45 s")
      #expect(Format.duration(seconds: 3900) == "1 h 05 min")
    }
  }
}
