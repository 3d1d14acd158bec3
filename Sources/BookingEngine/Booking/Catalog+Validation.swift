import Foundation

extension Catalog {
  /// Refuses prices and times outside ``Limits`` with ``BookingError/invalidCatalog(_:)``.
  public func validate() throws {
    let invalid = BookingError.invalidCatalog
    for concert in concerts {
      for tier in concert.tiers {
        try Limits.check(
          tier.price, in: Limits.amount, "The price of \(concert.id) \(tier.name) (won)", invalid)
      }
      for date in concert.dates {
        try Limits.check(date.startsAt, in: Limits.date, "A date of \(concert.id)", invalid)
      }
      if let opens = concert.saleOpensAt {
        try Limits.check(opens, in: Limits.date, "The sale opening of \(concert.id)", invalid)
      }
    }
  }
}
