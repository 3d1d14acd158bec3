import Foundation

/// The demo sale every fresh database starts with: three concerts, a 50-seat hall
/// numbered 1–50, a 2,000-seat hall in sections, and dates past, on sale and sold out.
///
/// The same `now` always gives the same catalog, so screens and tests are repeatable.
public enum DemoCatalog {
  public static func make(now: Date) -> Catalog {
    let day = startOfDay(now)
    func at(_ days: Int, _ hour: Int) -> Date {
      day.addingTimeInterval(Double(days * 86_400 + hour * 3_600))
    }
    return Catalog(concerts: [
      Catalog.ConcertSpec(
        id: "garden", title: "Quiet Garden Unplugged", venue: "Blue Note Stage",
        tiers: smallHallTiers, seats: smallHall(),
        dates: [
          .init(startsAt: at(-10, 20)),
          .init(startsAt: at(5, 20), soldElsewhere: ["3", "4", "18", "27", "49"]),
          .init(startsAt: at(6, 20), soldElsewhere: Set((1...50).map(String.init))),
          .init(startsAt: at(12, 20), soldElsewhere: ["1", "2", "10"]),
        ]),
      Catalog.ConcertSpec(
        id: "aurora", title: "Aurora Live 2026", venue: "Olympic Hall",
        tiers: bigHallTiers, seats: bigHall(),
        dates: [
          .init(startsAt: at(-3, 19)),
          .init(startsAt: at(7, 19), soldElsewhere: scattered(bigHall(), every: 5, seed: 7)),
          .init(startsAt: at(8, 19), soldElsewhere: scattered(bigHall(), every: 3, seed: 11)),
          .init(startsAt: at(14, 18)),
        ]),
      Catalog.ConcertSpec(
        id: "seoul-jazz", title: "서울 재즈 나이트 Seoul Jazz Night", venue: "세종문화회관 Sejong Center",
        tiers: mediumHallTiers, seats: mediumHall(),
        dates: [
          .init(startsAt: at(20, 19), soldElsewhere: scattered(mediumHall(), every: 4, seed: 3)),
          .init(startsAt: at(21, 19)),
        ]),
    ])
  }

  // MARK: - Halls

  static let smallHallTiers = [
    PriceTier(name: "VIP", price: 150_000, rank: 0),
    PriceTier(name: "R", price: 120_000, rank: 1),
    PriceTier(name: "S", price: 90_000, rank: 2),
  ]

  /// The seed's hall: seats 1–50, five rows of ten.
  static func smallHall() -> [Catalog.SeatSpec] {
    (1...50).map { number in
      let row = (number - 1) / 10
      return Catalog.SeatSpec(
        label: "\(number)", section: "Main", row: "\(row + 1)", number: number,
        tier: row < 2 ? "VIP" : row < 4 ? "R" : "S", gridRow: row, gridColumn: (number - 1) % 10)
    }
  }

  static let bigHallTiers = [
    PriceTier(name: "VIP", price: 180_000, rank: 0),
    PriceTier(name: "R", price: 140_000, rank: 1),
    PriceTier(name: "S", price: 100_000, rank: 2),
    PriceTier(name: "A", price: 70_000, rank: 3),
  ]

  /// 40 rows (A–Z, AA–AN) of 50 seats: left, centre and right blocks, a balcony after row AB.
  static func bigHall() -> [Catalog.SeatSpec] {
    (0..<40).flatMap { row in
      (1...50).map { number in
        let section = number <= 10 ? "Left" : number <= 40 ? "Centre" : "Right"
        let tier = row < 6 ? "VIP" : row < 16 ? "R" : row < 28 ? "S" : "A"
        let aisles = (number > 10 ? 1 : 0) + (number > 40 ? 1 : 0)
        return Catalog.SeatSpec(
          label: "\(rowName(row))\(number)", section: row < 28 ? section : "Balcony \(section)",
          row: rowName(row), number: number, tier: tier, gridRow: row + (row >= 28 ? 1 : 0),
          gridColumn: number - 1 + aisles)
      }
    }
  }

  static let mediumHallTiers = [
    PriceTier(name: "R", price: 110_000, rank: 0),
    PriceTier(name: "S", price: 80_000, rank: 1),
    PriceTier(name: "A", price: 55_000, rank: 2),
  ]

  /// Eight rows of fifteen, with an aisle after seat 7.
  static func mediumHall() -> [Catalog.SeatSpec] {
    (0..<8).flatMap { row in
      (1...15).map { number in
        Catalog.SeatSpec(
          label: "\(rowName(row))\(number)", section: "Main", row: rowName(row), number: number,
          tier: row < 3 ? "R" : row < 6 ? "S" : "A", gridRow: row,
          gridColumn: number - 1 + (number > 7 ? 1 : 0))
      }
    }
  }

  /// `0` → A, `25` → Z, `26` → AA.
  static func rowName(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return index < 26 ? String(letters[index]) : "A" + String(letters[index - 26])
  }

  /// About one seat in `every`, picked by a fixed generator so the demo never changes.
  static func scattered(_ seats: [Catalog.SeatSpec], every: UInt64, seed: UInt64) -> Set<String> {
    var state = seed
    return Set(
      seats.filter { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 33) % every == 0
      }.map(\.label))
  }

  private static func startOfDay(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
  }
}
