import Foundation

/// Every refusal a user can meet. Its `description` is the sentence to show them;
/// `code` is a stable name for scripts.
public enum BookingError: Error, Sendable, Hashable {
  // Unknown things
  case unknownConcert(ConcertID)
  case unknownDate(DateID)
  case unknownSeat(String)
  case unknownHold(HoldID)
  case unknownToken

  // Queue tokens
  case tokenOfAnotherUser
  case tokenForAnotherConcert(ConcertID)
  case stillWaiting(position: Int)
  case saleNotOpen(opensAt: Date)
  case tokenExpired
  case tokenUsed
  case leftTheLine

  // Dates and seats
  case dateInPast(DateID)
  case dateSoldOut(DateID)
  case noSeatsChosen
  case tooManySeats(requested: Int, alreadyYours: Int, limit: Int)
  case seatTaken(String)
  case seatSold(String)
  case seatAlreadyYours(String)

  // Holds and payments
  case holdOfAnotherUser(HoldID)
  case holdExpired(HoldID, secondsAgo: Int)
  case holdReleased(HoldID)
  case holdAlreadyPaid(HoldID)
  case insufficientBalance(balance: Int64, price: Int64)
  case amountBeyondLimit(limit: Int64)

  // Points
  case invalidAmount(Int64)
  case chargeTooLarge(Int64, limit: Int64)
  case balanceCapExceeded(balance: Int64, amount: Int64, cap: Int64)
  case invalidUser(String)

  // Operators' settings
  case invalidPolicy(String)
  case invalidCatalog(String)
  case notAnOperator(UserID)

  // The store
  case databaseBusy
  case databaseCorrupt(String)
  case databaseReadOnly(String)
  case databaseUnavailable(String)
  case databaseInaccessible(String, reason: String)
  case notAnEncoreDatabase(String)
  case databaseTooNew(String, version: Int, supported: Int)
  /// A `postgres://` database asked of an Encore built without the `PostgreSQL` trait.
  case postgresNotBuilt
  /// A PostgreSQL server that is down, refuses, or did not answer in time: where, and why.
  case serverUnavailable(host: String, database: String, reason: String)
  /// A PostgreSQL database holding another application's tables.
  case notAnEncoreServerDatabase(String)
  case serverDatabaseTooNew(String, version: Int, supported: Int)

  /// The points missing to pay, for ``insufficientBalance(balance:price:)``.
  public var shortfall: Int64? {
    if case .insufficientBalance(let balance, let price) = self { return price - balance }
    return nil
  }

  /// A stable snake_case name for scripts and JSON output.
  public var code: String {
    switch self {
    case .unknownConcert: "unknown_concert"
    case .unknownDate: "unknown_date"
    case .unknownSeat: "unknown_seat"
    case .unknownHold: "unknown_hold"
    case .unknownToken: "unknown_token"
    case .tokenOfAnotherUser: "token_of_another_user"
    case .tokenForAnotherConcert: "token_for_another_concert"
    case .stillWaiting: "still_waiting"
    case .saleNotOpen: "sale_not_open"
    case .tokenExpired: "token_expired"
    case .tokenUsed: "token_used"
    case .leftTheLine: "left_the_line"
    case .dateInPast: "date_in_past"
    case .dateSoldOut: "date_sold_out"
    case .noSeatsChosen: "no_seats_chosen"
    case .tooManySeats: "too_many_seats"
    case .seatTaken: "seat_taken"
    case .seatSold: "seat_sold"
    case .seatAlreadyYours: "seat_already_yours"
    case .holdOfAnotherUser: "hold_of_another_user"
    case .holdExpired: "hold_expired"
    case .holdReleased: "hold_released"
    case .holdAlreadyPaid: "hold_already_paid"
    case .insufficientBalance: "insufficient_balance"
    case .amountBeyondLimit: "amount_beyond_limit"
    case .invalidAmount: "invalid_amount"
    case .chargeTooLarge: "charge_too_large"
    case .balanceCapExceeded: "balance_cap_exceeded"
    case .invalidUser: "invalid_user"
    case .invalidPolicy: "invalid_policy"
    case .invalidCatalog: "invalid_catalog"
    case .notAnOperator: "not_an_operator"
    case .databaseBusy: "database_busy"
    case .databaseCorrupt: "database_corrupt"
    case .databaseReadOnly: "database_read_only"
    case .databaseUnavailable: "database_unavailable"
    case .databaseInaccessible: "database_inaccessible"
    case .notAnEncoreDatabase: "not_an_encore_database"
    case .databaseTooNew: "database_too_new"
    case .postgresNotBuilt: "postgres_not_built"
    case .serverUnavailable: "server_unavailable"
    case .notAnEncoreServerDatabase: "not_an_encore_database"
    case .serverDatabaseTooNew: "database_too_new"
    }
  }
}

extension BookingError: CustomStringConvertible, LocalizedError {
  public var errorDescription: String? { description }

  public var description: String {
    switch self {
    case .unknownConcert(let id): "There is no concert called “\(id)”."
    case .unknownDate(let id): "There is no date \(id)."
    case .unknownSeat(let label): "There is no seat \(label) in this hall."
    case .unknownHold(let id): "There is no hold \(id)."
    case .unknownToken: "That queue token is unknown: join the queue again."
    case .tokenOfAnotherUser: "That queue token belongs to someone else."
    case .tokenForAnotherConcert(let id): "That queue token is for another concert (\(id))."
    case .stillWaiting(let position):
      "You are still in line (#\(Won.grouped(position))): wait until you are let in."
    case .saleNotOpen(let opensAt): "The sale has not opened yet; it opens at \(opensAt.shortTime)."
    case .tokenExpired: "Your turn has expired: join the queue again."
    case .tokenUsed: "That queue token was used for a payment: join the queue again to buy more."
    case .leftTheLine:
      "You were away too long and left the line: join again (you start at the back)."
    case .dateInPast: "That date has already taken place."
    case .dateSoldOut: "That date is sold out."
    case .noSeatsChosen: "Choose at least one seat."
    case .tooManySeats(let requested, let alreadyYours, let limit):
      alreadyYours > 0
        ? "You may have at most \(limit) seats on a date: you have \(alreadyYours) and asked for \(requested) more."
        : "You may hold at most \(limit) seats at once; you asked for \(requested)."
    case .seatTaken(let label): "Seat \(label) was just taken by someone else."
    case .seatSold(let label): "Seat \(label) is already sold."
    case .seatAlreadyYours(let label): "Seat \(label) is already held by you."
    case .holdOfAnotherUser(let id): "Hold \(id) belongs to someone else."
    case .holdExpired(_, let secondsAgo):
      "Your hold expired \(secondsAgo) s ago: the seats are free again."
    case .holdReleased(let id): "Hold \(id) was released."
    case .holdAlreadyPaid(let id): "Hold \(id) is already paid."
    case .insufficientBalance(let balance, let price):
      "Insufficient balance: balance \(Won.text(balance)), price \(Won.text(price)): \(Won.text(price - balance)) short."
    case .amountBeyondLimit(let limit):
      "That is more money than Encore handles: amounts stop at \(Won.text(limit))."
    case .invalidAmount(let amount):
      "The amount must be a whole number of won above zero (got \(Won.grouped(amount)))."
    case .chargeTooLarge(let amount, let limit):
      "A charge may be at most \(Won.text(limit)) (got \(Won.text(amount)))."
    case .balanceCapExceeded(let balance, let amount, let cap):
      "A balance may be at most \(Won.text(cap)): \(Won.text(balance)) + \(Won.text(amount)) is over it."
    case .invalidUser(let name):
      "“\(name)” is not a usable user name (1–\(UserName.maxLength) characters, not blank, no control characters)."
    case .invalidPolicy(let reason): "The booking policy cannot be used: \(reason)"
    case .invalidCatalog(let reason): "The catalog cannot be put on sale: \(reason)"
    case .notAnOperator(let name):
      "\(name) is not an operator of this sale (see encore operators list)."
    case .databaseBusy: "The database stayed busy too long; nothing was changed. Try again."
    case .databaseCorrupt(let path):
      "The database file \(path) is damaged or not an Encore database."
    case .databaseReadOnly(let path):
      "Could not write to the database file \(path): it is read-only for you."
    case .databaseUnavailable(let reason): "The database cannot be used: \(reason)"
    case .databaseInaccessible(let path, let reason):
      "Could not open the database file \(path) for reading and writing: \(reason)."
    case .notAnEncoreDatabase(let path):
      "The file \(path) is an SQLite database of another application, not Encore's; it was left untouched. Choose another --database path."
    case .databaseTooNew(let path, let version, let supported):
      "The database file \(path) was written by a newer Encore (schema version \(version)); this Encore knows versions up to \(supported). Update Encore to use it; the file was left untouched."
    case .postgresNotBuilt:
      "this encore was built without PostgreSQL; build with --traits PostgreSQL"
    case .serverUnavailable(let host, let database, let reason):
      "Could not reach the PostgreSQL database \(database) on \(host): \(reason)."
    case .notAnEncoreServerDatabase(let database):
      "The PostgreSQL database \(database) holds another application's tables, not Encore's; it was left untouched."
    case .serverDatabaseTooNew(let database, let version, let supported):
      "The PostgreSQL database \(database) was set up by a newer Encore (schema version \(version)); this Encore knows versions up to \(supported). Update Encore to use it; it was left untouched."
    }
  }
}

extension Date {
  /// `18:42:07` in UTC, for messages.
  var shortTime: String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.hour, .minute, .second], from: self)
    return String(
      format: "%02d:%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  }
}
