import BookingEngine

/// What an `EngineCommand` gave back: a value or the engine's refusal.
enum EngineResult: Sendable {
  case concerts(Result<[Concert], BookingError>)
  case place(Result<QueueStatus, BookingError>)
  case places(Result<[ConcertID: QueueStatus], BookingError>)
  case dates(Result<[ConcertDate], BookingError>)
  case seats(Result<SeatMap, BookingError>)
  case hold(Result<Hold, BookingError>)
  case released(Result<HoldID, BookingError>)
  case payment(Result<Payment, BookingError>)
  case holds(Result<[LiveHold], BookingError>)
  case account(Result<PointAccount, BookingError>)
  case charged(Result<PointEntry, BookingError>)
  case tickets(Result<[Ticket], BookingError>)
  case boxOffice(Result<BoxOffice, BookingError>)
  case ruleChanged(Result<QueueRule, BookingError>)
  case simulated(Result<CrowdSimulation.Summary, BookingError>)
}
