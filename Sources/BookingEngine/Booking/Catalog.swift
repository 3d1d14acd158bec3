import Foundation

/// What an operator puts on sale: concerts, their halls and their dates.
///
/// For example:
///
/// ```swift
/// try await engine.seed(DemoCatalog.make(now: Date()))
/// ```
public struct Catalog: Sendable, Hashable {
  public var concerts: [ConcertSpec]

  public init(concerts: [ConcertSpec]) { self.concerts = concerts }

  /// One concert with its hall and dates.
  public struct ConcertSpec: Sendable, Hashable {
    public var id: ConcertID
    public var title: String
    public var venue: String
    public var saleOpensAt: Date?
    public var tiers: [PriceTier]
    public var seats: [SeatSpec]
    public var dates: [DateSpec]

    public init(
      id: ConcertID, title: String, venue: String, saleOpensAt: Date? = nil, tiers: [PriceTier],
      seats: [SeatSpec], dates: [DateSpec]
    ) {
      self.id = id
      self.title = title
      self.venue = venue
      self.saleOpensAt = saleOpensAt
      self.tiers = tiers
      self.seats = seats
      self.dates = dates
    }
  }

  /// A seat of the hall: its name, its tier, and where it is drawn.
  public struct SeatSpec: Sendable, Hashable {
    public var label: String
    public var section: String
    public var row: String
    public var number: Int
    public var tier: String
    public var gridRow: Int
    public var gridColumn: Int

    public init(
      label: String, section: String, row: String, number: Int, tier: String, gridRow: Int,
      gridColumn: Int
    ) {
      self.label = label
      self.section = section
      self.row = row
      self.number = number
      self.tier = tier
      self.gridRow = gridRow
      self.gridColumn = gridColumn
    }
  }

  /// A performance, with seats already sold elsewhere (the box office).
  public struct DateSpec: Sendable, Hashable {
    public var startsAt: Date
    public var soldElsewhere: Set<String>

    public init(startsAt: Date, soldElsewhere: Set<String> = []) {
      self.startsAt = startsAt
      self.soldElsewhere = soldElsewhere
    }
  }
}
