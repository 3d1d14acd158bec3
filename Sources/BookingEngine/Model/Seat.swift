import Foundation

/// A seat on one date, with its place in the hall, its price and its state.
public struct Seat: Sendable, Hashable, Codable {
  /// What a seat is to the person looking at it.
  public enum State: String, Sendable, Hashable, Codable {
    case available
    /// Held by someone else; free again when their hold ends.
    case held
    case sold
    /// Held by the caller.
    case heldByYou = "held_by_you"
    /// Bought by the caller.
    case yours
  }

  public var id: SeatID
  /// What people call the seat: `14` in a small hall, `C-12` in a large one.
  public var label: String
  public var section: String
  public var row: String
  public var number: Int
  public var tier: PriceTier
  /// Where the seat is drawn: grid row and column, stage at row 0.
  public var gridRow: Int
  public var gridColumn: Int
  public var state: State

  public init(
    id: SeatID, label: String, section: String, row: String, number: Int, tier: PriceTier,
    gridRow: Int, gridColumn: Int, state: State
  ) {
    self.id = id
    self.label = label
    self.section = section
    self.row = row
    self.number = number
    self.tier = tier
    self.gridRow = gridRow
    self.gridColumn = gridColumn
    self.state = state
  }

  public var isAvailable: Bool { state == .available }
}

/// A named price level, such as VIP at 150,000 won.
public struct PriceTier: Sendable, Hashable, Codable {
  public var name: String
  /// Price of one seat, in won.
  public var price: Int64
  /// 0 for the most expensive tier of the hall, counting up.
  public var rank: Int

  public init(name: String, price: Int64, rank: Int) {
    self.name = name
    self.price = price
    self.rank = rank
  }
}

/// Every seat of one date, as the caller sees them now.
public struct SeatMap: Sendable, Hashable, Codable {
  public var concert: Concert
  public var date: ConcertDate
  public var seats: [Seat]
  /// The price tiers of the hall, most expensive first.
  public var tiers: [PriceTier]
  /// What the map was read at, for ``BookingEngine/refresh(_:_:)``.
  public var stamp: SeatMapStamp

  public init(
    concert: Concert, date: ConcertDate, seats: [Seat], tiers: [PriceTier],
    stamp: SeatMapStamp = SeatMapStamp()
  ) {
    self.concert = concert
    self.date = date
    self.seats = seats
    self.tiers = tiers
    self.stamp = stamp
  }

  /// The seat called `label`, if the hall has one.
  public func seat(labelled label: String) -> Seat? {
    seats.first { $0.label.caseInsensitiveCompare(label) == .orderedSame }
  }
}
