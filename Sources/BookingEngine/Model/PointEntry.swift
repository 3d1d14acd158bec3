import Foundation

/// One change to a user's points: a charge adds, a payment deducts.
public struct PointEntry: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case charge
    case payment
  }

  public var id: Int64
  public var kind: Kind
  /// Signed change in won: positive for a charge, negative for a payment.
  public var delta: Int64
  public var balanceAfter: Int64
  public var at: Date
  public var paymentID: PaymentID?

  public init(
    id: Int64, kind: Kind, delta: Int64, balanceAfter: Int64, at: Date, paymentID: PaymentID?
  ) {
    self.id = id
    self.kind = kind
    self.delta = delta
    self.balanceAfter = balanceAfter
    self.at = at
    self.paymentID = paymentID
  }
}

/// A user's balance with every entry that made it, oldest first.
public struct PointAccount: Sendable, Hashable, Codable {
  public var user: UserID
  public var balance: Int64
  public var ledger: [PointEntry]

  public init(user: UserID, balance: Int64, ledger: [PointEntry]) {
    self.user = user
    self.balance = balance
    self.ledger = ledger
  }
}
