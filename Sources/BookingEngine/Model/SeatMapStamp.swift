import Foundation

/// What a seat map was read at, so that a refresh can tell cheaply whether anything
/// changed since and re-read only the seats that did.
public struct SeatMapStamp: Sendable, Hashable, Codable {
  /// The date's change counter when the map was read (-1: never read).
  public var version: Int64
  /// When the map was read.
  public var readAt: Date
  /// The earliest end of a hold shown on the map, when that seat frees itself without
  /// anyone writing.
  public var nextExpiry: Date?

  public init(version: Int64 = -1, readAt: Date = .distantPast, nextExpiry: Date? = nil) {
    self.version = version
    self.readAt = readAt
    self.nextExpiry = nextExpiry
  }
}
