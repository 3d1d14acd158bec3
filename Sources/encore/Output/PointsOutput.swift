import BookingEngine
import Foundation

/// One ledger line.
struct LedgerEntryOutput: Encodable {
  var id: Int64
  /// `charge` or `payment`.
  var kind: String
  /// Signed change in won.
  var amount: Int64
  var balanceAfter: Int64
  var at: Date
  var paymentId: Int64?

  init(_ entry: PointEntry) {
    id = entry.id
    kind = entry.kind.rawValue
    amount = entry.delta
    balanceAfter = entry.balanceAfter
    at = entry.at
    paymentId = entry.paymentID?.rawValue
  }
}

/// `encore points --json`.
struct PointsOutput: Encodable {
  var user: String
  var balance: Int64
  var ledger: [LedgerEntryOutput]

  init(_ account: PointAccount) {
    user = account.user.rawValue
    balance = account.balance
    ledger = account.ledger.map(LedgerEntryOutput.init)
  }
}

/// `encore points charge --json`.
struct ChargeOutput: Encodable {
  var amount: Int64
  var balance: Int64
  var entry: LedgerEntryOutput

  init(_ entry: PointEntry) {
    amount = entry.delta
    balance = entry.balanceAfter
    self.entry = LedgerEntryOutput(entry)
  }
}
