import BookingEngine
import Foundation
import Testing

@testable import BookingTUI

/// The app's copy of the user's holds: one fetch at a time, stale answers thrown away.
@Suite struct HoldBookTests {
  static let now = Date(timeIntervalSince1970: 1_796_112_000)

  static func live(_ id: Int64, expiresIn seconds: TimeInterval) -> LiveHold {
    let concert = Concert(id: "garden", title: "Quiet Garden", venue: "Blue Note", seatCount: 50)
    let date = ConcertDate(
      id: 2, concertID: "garden", startsAt: now + 86_400, seatsLeft: 49, seatCount: 50,
      availability: .onSale)
    let hold = Hold(
      id: HoldID(id), user: "alice", dateID: 2, concertID: "garden",
      seats: [HeldSeat(id: SeatID(id), label: "\(id)", tier: "VIP", price: 150_000)],
      createdAt: now, expiresAt: now + seconds, amount: 150_000)
    return LiveHold(hold: hold, concert: concert, date: date)
  }

  @Test func anAnswerOvertakenByAChangeIsThrownAwayAndAskedAgain() {
    var book = HoldBook()
    let fetches = book.request(at: Self.now, changed: false)
    let fetchesAgain = book.request(at: Self.now, changed: true)  // a hold was taken meanwhile
    let asksAgain = book.receive(.success([]), at: Self.now)
    #expect(fetches && !fetchesAgain && asksAgain)
    #expect(book.holds.isEmpty)
    let second = book.request(at: Self.now, changed: false)
    let asksAThirdTime = book.receive(.success([Self.live(1, expiresIn: 60)]), at: Self.now)
    #expect(second && !asksAThirdTime)
    #expect(book.holds.map(\.hold.id) == [1])
  }

  @Test func aPollDuringAFetchWaitsAndAFailureKeepsTheLastAnswer() {
    var book = HoldBook()
    _ = book.request(at: Self.now, changed: false)
    _ = book.receive(.success([Self.live(1, expiresIn: 60)]), at: Self.now)
    #expect(!book.isPollDue(at: Self.now + 1))
    #expect(book.isPollDue(at: Self.now + HoldBook.pollInterval))
    let polls = book.request(at: Self.now + 2, changed: false)
    let pollsTwice = book.request(at: Self.now + 2, changed: false)
    let asksAgain = book.receive(.failure(.databaseBusy), at: Self.now + 2)
    #expect(polls && !pollsTwice && !asksAgain)
    #expect(book.holds.map(\.hold.id) == [1])
  }

  @Test func holdsAreKeptSoonestFirstAndDroppedWhenTheyRunOut() {
    var book = HoldBook()
    book.add(Self.live(1, expiresIn: 300))
    book.add(Self.live(2, expiresIn: 30))
    #expect(book.holds.map(\.hold.id) == [2, 1])
    let expired = book.removeExpired(at: Self.now + 30)
    #expect(expired.map(\.hold.id) == [2])
    #expect(book.holds.map(\.hold.id) == [1])
  }
}
