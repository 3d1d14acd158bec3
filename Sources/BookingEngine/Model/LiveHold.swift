/// A hold that can still be paid, with the concert and date it is for, so that whoever shows
/// it names its own concert, date and seats.
public struct LiveHold: Sendable, Hashable {
  public var hold: Hold
  public var concert: Concert
  public var date: ConcertDate

  public init(hold: Hold, concert: Concert, date: ConcertDate) {
    self.hold = hold
    self.concert = concert
    self.date = date
  }
}
