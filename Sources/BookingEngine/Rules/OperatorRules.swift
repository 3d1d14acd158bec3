import Foundation

/// Who may change how a sale runs, on plain values, for every store: a store counts the
/// operator list and looks the caller up on it; these decide.
///
/// The database's permissions are the trust boundary: whoever can write it names the first
/// operator; after that only an operator adds or removes names or changes a sale. While the
/// list is empty the sale is open to whoever can write the database (as before there was a
/// list).
enum OperatorRules {
  /// Whether someone `listed` (or not) on a list of `listSize` names may change a sale.
  static func mayAct(listed: Bool, listSize: Int) -> Bool {
    listSize == 0 || listed
  }

  /// Throws ``BookingError/notAnOperator(_:)`` unless `user` may change a sale.
  static func requireOperator(_ user: UserID, listed: Bool, listSize: Int) throws {
    guard mayAct(listed: listed, listSize: listSize) else {
      throw BookingError.notAnOperator(user)
    }
  }

  /// Who is recorded as having added a name: nobody for the first (whoever could write the
  /// database), the caller for the others.
  static func addedBy(_ caller: UserID, listSize: Int) -> UserID? {
    listSize == 0 ? nil : caller
  }

  /// Throws when removing `name` removed nobody: it was not an operator.
  static func requireRemoved(_ name: UserID, removed: Int) throws {
    guard removed > 0 else { throw BookingError.notAnOperator(name) }
  }
}
