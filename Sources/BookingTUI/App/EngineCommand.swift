import BookingEngine
import Foundation

/// An engine call a screen asks for, as a value; `perform` runs it and wraps the outcome.
///
/// Calls that need a queue token take the one kept for the concert by the `TokenKeeper`, so a
/// token replaced by another `encore` process is picked up at the next call.
enum EngineCommand: Sendable, Hashable {
  case concerts
  /// Takes (or keeps) a place in the concert's line.
  case join(ConcertID)
  /// Where the kept place in the concert's line stands.
  case place(ConcertID)
  /// Where the kept places in these concerts' lines stand (no new places are taken).
  case places([ConcertID])
  case dates(ConcertID)
  case seats(DateID, ConcertID)
  /// Brings a seat map up to date: a read that does not count as the user's activity.
  case refreshSeats(SeatMap)
  case hold([SeatID], DateID, ConcertID)
  case release(HoldID)
  case pay(HoldID, ConcertID)
  /// The user's live holds, from the engine.
  case holds
  case account
  case charge(Int64)
  case tickets
  /// An operator's picture of a concert's sale, read fresh.
  case boxOffice(ConcertID)
  /// Brings a box office up to date (one small read when nothing changed).
  case refreshBoxOffice(BoxOffice)
  /// Changes one switch of a concert's line, as the user (who must be an operator).
  case changeRule(QueueRule, ConcertID)
  /// Runs a crowd of synthetic buyers to the end; on a ``ManualClock`` the crowd moves the
  /// clock instead of waiting.
  case simulate(CrowdSimulation.Configuration)

  /// Runs the call for `user`; never throws: refusals come back inside the result.
  func perform(on engine: BookingEngine, user: UserID, keeper: any TokenKeeper) async
    -> EngineResult
  {
    switch self {
    case .concerts: .concerts(await Self.catching { try await engine.concerts() })
    case .join(let concert):
      .place(
        await Self.catching {
          try await keeper.join(concert, user: user, engine: engine)
        })
    case .place(let concert):
      .place(
        await Self.catching {
          guard let status = try await keeper.place(in: concert, user: user, engine: engine)
          else { throw BookingError.unknownToken }
          return status
        })
    case .places(let concerts):
      .places(
        await Self.catching {
          var places: [ConcertID: QueueStatus] = [:]
          for concert in concerts {
            places[concert] = try await keeper.place(in: concert, user: user, engine: engine)
          }
          return places
        })
    case .dates(let concert):
      .dates(
        await Self.catching {
          try await engine.dates(of: concert, keeper.caller(for: concert, user: user))
        })
    case .seats(let date, let concert):
      .seats(
        await Self.catching {
          try await engine.seats(on: date, keeper.caller(for: concert, user: user))
        })
    case .refreshSeats(let map):
      .seats(
        await Self.catching {
          try await engine.refresh(map, keeper.caller(for: map.concert.id, user: user))
        })
    case .hold(let seats, let date, let concert):
      .hold(
        await Self.catching {
          try await engine.hold(
            seats: seats, on: date, keeper.caller(for: concert, user: user))
        })
    case .release(let hold):
      .released(
        await Self.catching {
          try await engine.release(hold: hold, user: user)
          return hold
        })
    case .pay(let hold, let concert):
      .payment(
        await Self.catching {
          try await engine.pay(hold: hold, keeper.caller(for: concert, user: user))
        })
    case .holds: .holds(await Self.catching { try await engine.holds(user: user) })
    case .account: .account(await Self.catching { try await engine.balance(user: user) })
    case .charge(let amount):
      .charged(await Self.catching { try await engine.charge(user: user, amount: amount) })
    case .tickets: .tickets(await Self.catching { try await engine.tickets(user: user) })
    case .boxOffice(let concert):
      .boxOffice(await Self.catching { try await engine.boxOffice(concert: concert, viewer: user) })
    case .refreshBoxOffice(let office):
      .boxOffice(await Self.catching { try await engine.refresh(office) })
    case .changeRule(let rule, let concert):
      .ruleChanged(
        await Self.catching {
          try await engine.change(rule, concert: concert, by: user)
          return rule
        })
    case .simulate(let configuration):
      .simulated(
        await Self.catching {
          var waitUntil: (@Sendable (Date) async throws -> Void)?
          if let clock = engine.clock as? ManualClock {
            waitUntil = { date in if date > clock.now() { clock.set(date) } }
          }
          return try await CrowdSimulation(
            engine: engine, configuration: configuration, waitUntil: waitUntil
          ).run()
        })
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
