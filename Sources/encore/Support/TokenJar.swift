import BookingEngine
import Foundation

/// The user's queue tokens, kept between invocations like a browser's cookies.
///
/// One small JSON file per database, user and concert under the state directory
/// (mode 0600, replaced atomically), so two processes saving different tokens never
/// overwrite each other.
///
/// For example:
///
/// ```swift
/// let jar = TokenJar(directory: tokens, database: "/data/encore.sqlite", user: "alice")
/// try jar.store(token.value, for: "garden")
/// jar.token(for: "garden")  // the same value, in a later process too
/// ```
struct TokenJar: Sendable {
  let directory: URL
  let database: String
  let user: UserID

  /// What one file holds; the key fields are stored to rule out hash collisions.
  private struct Entry: Codable {
    var database: String
    var user: String
    var concert: String
    var token: String
    var savedAt: Date
  }

  /// The saved token for `concert`, if any.
  func token(for concert: ConcertID) -> TokenValue? {
    guard let entry = read(file(for: concert)), entry.concert == concert.rawValue else {
      return nil
    }
    return TokenValue(entry.token)
  }

  /// Every saved token of this user on this database, by concert.
  func all() -> [(concert: ConcertID, token: TokenValue)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".json") }.sorted()
      .compactMap { read(directory.appendingPathComponent($0)) }
      .map { (ConcertID($0.concert), TokenValue($0.token)) }
  }

  /// Saves `token` as the one for `concert`, replacing any earlier one.
  func store(_ token: TokenValue, for concert: ConcertID) throws {
    try Paths.makeDirectory(directory)
    let entry = Entry(
      database: database, user: user.rawValue, concert: concert.rawValue, token: token.rawValue,
      savedAt: Date())
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let target = file(for: concert)
    try CLIError.attempt("save your queue token in", directory.path) {
      try encoder.encode(entry).write(to: target, options: .atomic)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
    }
  }

  /// Forgets the token for `concert`.
  func remove(for concert: ConcertID) {
    try? FileManager.default.removeItem(at: file(for: concert))
  }

  /// Forgets every token of this user on this database.
  func removeAll() {
    for (concert, _) in all() { remove(for: concert) }
  }

  // MARK: - Files

  private var prefix: String { Self.hash(database + "\u{0}" + user.rawValue) }

  private func file(for concert: ConcertID) -> URL {
    directory.appendingPathComponent("\(prefix)-\(Self.hash(concert.rawValue)).json")
  }

  private func read(_ file: URL) -> Entry? {
    guard let data = try? Data(contentsOf: file) else { return nil }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let entry = try? decoder.decode(Entry.self, from: data),
      entry.database == database, entry.user == user.rawValue
    else { return nil }
    return entry
  }

  /// 64-bit FNV-1a as 16 hex digits: a stable file name, not a secret.
  private static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
