import Foundation
import Testing

@Suite("encore dates / seats")
struct DatesAndSeatsCommandTests {
  @Test func datesTableShowsIdsStartsAndSeatsLeft() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let result = try await sandbox.encore("dates", "garden")
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[2].contains("45  50  on sale"))
    #expect(lines[3].contains("sold out"))
    #expect(lines[1].hasSuffix("past"))
  }

  @Test func datesJSONHasIdsAndAvailability() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let json = try await sandbox.encore("dates", "garden", "--json").json()
    let dates = try #require(json["dates"] as? [[String: Any]])
    #expect(
      dates.map { $0["availability"] as? String } == ["past", "on_sale", "sold_out", "on_sale"])
    #expect(dates[1]["date_id"] as? Int == 2)
    #expect(dates[1]["seats_left"] as? Int == 45)
    #expect((dates[1]["starts_at"] as? String)?.hasSuffix("T20:00:00Z") == true)
  }

  @Test func datesNeedAPlaceInLineAndAKnownConcert() async throws {
    let sandbox = try Sandbox()
    let noToken = try await sandbox.encore("dates", "garden", "--json")
    #expect(noToken.status == 1)
    #expect(try noToken.errorCode() == "not_in_queue")
    #expect(noToken.stderr.contains("Join the queue first: encore queue join garden"))
    let unknown = try await sandbox.encore("dates", "nope", "--json")
    #expect(unknown.status == 1)
    #expect(try unknown.errorCode() == "unknown_concert")
  }

  @Test func seatMapShowsTiersPricesAndTakenSeats() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let result = try await sandbox.encore("seats", "2")
    #expect(result.status == 0)
    #expect(result.stdout.contains("STAGE"))
    #expect(result.stdout.contains("1  VV··VVVVVV  1–10"))
    #expect(result.stdout.contains("V VIP  150,000 won    17"))
    #expect(result.stdout.contains("45 of 50 seats left"))
  }

  @Test func seatsJSONListsEverySeatWithItsState() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join()
    let json = try await sandbox.encore("seats", "2", "--json").json()
    let seats = try #require(json["seats"] as? [[String: Any]])
    #expect(seats.count == 50)
    let byLabel = Dictionary(uniqueKeysWithValues: seats.map { ($0["label"] as? String ?? "", $0) })
    #expect(byLabel["14"]?["state"] as? String == "available")
    #expect(byLabel["14"]?["price"] as? Int == 150_000)
    #expect(byLabel["3"]?["state"] as? String == "sold")
    #expect(json["date_id"] as? Int == 2)
    #expect(json["concert"] as? String == "garden")
  }

  @Test func aLargeHallsMapComesThroughWhole() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join("aurora")
    let dates = try #require(
      try await sandbox.encore("dates", "aurora", "--json").json()["dates"] as? [[String: Any]])
    let id = try #require(dates[3]["date_id"] as? Int)
    let json = try await sandbox.encore("seats", "\(id)", "--json").json()
    #expect((json["seats"] as? [Any])?.count == 2_000)
  }

  @Test func seatsOfAnUnknownDateOrWithoutAToken() async throws {
    let sandbox = try Sandbox()
    let noToken = try await sandbox.encore("seats", "2", "--json")
    #expect(noToken.status == 1)
    #expect(try noToken.errorCode() == "not_in_queue")
    #expect(noToken.stderr.contains("Join the queue first"))
    try await sandbox.join()
    let unknown = try await sandbox.encore("seats", "999", "--json")
    #expect(unknown.status == 1)
    #expect(try unknown.errorCode() == "unknown_date")
    #expect(unknown.stderr.contains("There is no date 999."))
  }

  @Test func aDateOfAnotherConcertAsksToJoinThatQueue() async throws {
    let sandbox = try Sandbox()
    try await sandbox.join("garden")
    let result = try await sandbox.encore("seats", "5", "--json")  // aurora's first date
    #expect(result.status == 1)
    #expect(try result.errorCode() == "not_in_queue")
  }

  @Test func aDateThatIsNotANumberIsAnArgumentError() async throws {
    let result = try await Sandbox().encore("seats", "tomorrow")
    #expect(result.status == 64)
    #expect(result.stderr.contains("tomorrow"))
  }
}
