import BookingEngine
import Foundation

/// `encore operators list --json`.
struct OperatorsOutput: Encodable {
  struct Entry: Encodable {
    var name: String
    var addedAt: Date
    var addedBy: String?
  }

  var operators: [Entry]

  init(_ operators: [Operator]) {
    self.operators = operators.map {
      Entry(name: $0.name.rawValue, addedAt: $0.addedAt, addedBy: $0.addedBy?.rawValue)
    }
  }
}
