/// What every store operation needs besides the database: the time, the rules, and dice.
struct StoreContext: Sendable {
  var now: Int64
  var policy: BookingPolicy
  var random: any RandomSource
}
