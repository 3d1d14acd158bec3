import Foundation

/// A name on the database's operator list: someone allowed to change how a sale runs
/// (the line's rules, pausing it). See ``BookingEngine/addOperator(_:by:)``.
public struct Operator: Sendable, Hashable, Codable {
  public var name: UserID
  public var addedAt: Date
  /// Who added the name (nil: the first operator, added by whoever could write the file).
  public var addedBy: UserID?

  public init(name: UserID, addedAt: Date, addedBy: UserID?) {
    self.name = name
    self.addedAt = addedAt
    self.addedBy = addedBy
  }
}
