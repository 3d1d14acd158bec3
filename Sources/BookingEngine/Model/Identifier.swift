/// A typed identifier: a raw value tagged with the kind of thing it names, so a
/// date id can never be passed where a hold id is expected.
///
/// For example:
///
/// ```swift
/// let hold: HoldID = 42
/// let concert: ConcertID = "aurora"
/// ```
public struct Identifier<Tag, RawValue: Hashable & Sendable & Codable>: RawRepresentable, Hashable,
  Sendable, Codable
{
  public var rawValue: RawValue

  public init(rawValue: RawValue) { self.rawValue = rawValue }

  public init(_ rawValue: RawValue) { self.rawValue = rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(RawValue.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Identifier: CustomStringConvertible {
  public var description: String { "\(rawValue)" }
}

extension Identifier: ExpressibleByUnicodeScalarLiteral,
  ExpressibleByExtendedGraphemeClusterLiteral,
  ExpressibleByStringLiteral
where RawValue == String {
  public init(stringLiteral value: String) { self.rawValue = value }
}

extension Identifier: ExpressibleByIntegerLiteral where RawValue == Int64 {
  public init(integerLiteral value: Int64) { self.rawValue = value }
}

/// A user, named by their login name.
public typealias UserID = Identifier<User, String>
/// A concert, named by a short slug such as `aurora`.
public typealias ConcertID = Identifier<Concert, String>
/// One performance date of a concert.
public typealias DateID = Identifier<ConcertDate, Int64>
/// A seat of a concert's hall (the same seat on every date).
public typealias SeatID = Identifier<Seat, Int64>
/// A temporary hold on seats.
public typealias HoldID = Identifier<Hold, Int64>
/// A completed payment.
public typealias PaymentID = Identifier<Payment, Int64>
/// The secret value of a queue token.
public typealias TokenValue = Identifier<QueueToken, String>

/// Tag for ``UserID``: users exist as names only.
public enum User {}
