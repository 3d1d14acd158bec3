import BookingEngine

/// Buyers ready to hold on one engine: each let in and given points, and the free seats of
/// the on-sale date with the most left.
struct BenchBuyers {
  var engine: BookingEngine
  var date: DateID
  var seats: [SeatID]
  var callers: [Caller]

  /// Seeds the demo catalog into `engine` if it is empty and lets in `count` buyers named
  /// `prefix0`, `prefix1`, …
  static func prepare(on engine: BookingEngine, count: Int, prefix: String) async throws
    -> BenchBuyers
  {
    try await engine.seedDemoCatalogIfEmpty()
    var callers: [Caller] = []
    for index in 0..<count {
      let user = UserID("\(prefix)\(index)")
      callers.append(
        Caller(user: user, token: try await engine.issueToken(user: user, concert: "aurora").value))
      try await engine.charge(user: user, amount: 1_000_000)
    }
    let dates = try await engine.dates(of: "aurora", callers[0])
    let date = dates.filter { $0.availability == .onSale }.max { $0.seatsLeft < $1.seatsLeft }!
    let seats = try await engine.seats(on: date.id, callers[0]).seats.filter(\.isAvailable).map(
      \.id)
    return BenchBuyers(engine: engine, date: date.id, seats: seats, callers: callers)
  }
}
