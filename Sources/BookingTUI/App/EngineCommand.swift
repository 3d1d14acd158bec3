import BookingEngine

/// An engine call a screen asks for, as a value; `perform` runs it and wraps the outcome.
enum EngineCommand: Sendable, Hashable {
  case concerts
  case issueToken(ConcertID)
  case queueStatus(Caller)
  case dates(ConcertID, Caller)
  case seats(DateID, Caller)
  /// Brings a seat map up to date: a read that does not count as the user's activity.
  case refreshSeats(SeatMap, Caller)
  case hold([SeatID], DateID, Caller)
  case release(HoldID)
  case pay(HoldID, Caller)
  case account
  case charge(Int64)
  case tickets

  /// Runs the call for `user`; never throws: refusals come back inside the result.
  func perform(on engine: BookingEngine, user: UserID) async -> EngineResult {
    switch self {
    case .concerts: .concerts(await Self.catching { try await engine.concerts() })
    case .issueToken(let concert):
      .token(await Self.catching { try await engine.issueToken(user: user, concert: concert) })
    case .queueStatus(let caller):
      .queueStatus(await Self.catching { try await engine.queueStatus(caller) })
    case .dates(let concert, let caller):
      .dates(await Self.catching { try await engine.dates(of: concert, caller) })
    case .seats(let date, let caller):
      .seats(await Self.catching { try await engine.seats(on: date, caller) })
    case .refreshSeats(let map, let caller):
      .seats(await Self.catching { try await engine.refresh(map, caller) })
    case .hold(let seats, let date, let caller):
      .hold(await Self.catching { try await engine.hold(seats: seats, on: date, caller) })
    case .release(let hold):
      .released(
        await Self.catching {
          try await engine.release(hold: hold, user: user)
          return hold
        })
    case .pay(let hold, let caller):
      .payment(await Self.catching { try await engine.pay(hold: hold, caller) })
    case .account: .account(await Self.catching { try await engine.balance(user: user) })
    case .charge(let amount):
      .charged(await Self.catching { try await engine.charge(user: user, amount: amount) })
    case .tickets: .tickets(await Self.catching { try await engine.tickets(user: user) })
    }
  }

  /// Turns any thrown error into a `BookingError` whose sentence can be shown.
  private static func catching<T: Sendable>(_ body: () async throws -> T) async -> Result<
    T, BookingError
  > {
    do {
      return .success(try await body())
    } catch let error as BookingError {
      return .failure(error)
    } catch {
      return .failure(.databaseUnavailable(String(describing: error)))
    }
  }
}
