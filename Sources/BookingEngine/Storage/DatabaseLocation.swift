import Foundation

/// Where `--database` points: an SQLite file, or a PostgreSQL server named by a URL.
enum DatabaseLocation {
  /// A PostgreSQL server to connect to: no password (that comes from `PGPASSWORD` or
  /// `~/.pgpass`, so it is never on a command line or in a log).
  struct Server: Sendable, Hashable {
    var host: String
    var port: Int
    var user: String
    var database: String
    /// A schema of its own inside the database (`?schema=`), made on first use: several
    /// sales, or tests, side by side in one database.
    var schema: String?
    /// At most this many connections from one process (`?pool=`, 8 by default).
    var poolSize: Int = 8
    /// Whether and how the connection is encrypted (`?sslmode=` or `PGSSLMODE`).
    var sslMode: SSLMode = .prefer
    /// The CA certificates that vouch for the server (`?sslrootcert=` or `PGSSLROOTCERT`):
    /// a PEM file, or `system` for the system's trusted CAs.
    var rootCertificate: String?
    /// Whether live views listen for announcements (`?listen=off`: every refresh asks the
    /// server, as behind a pooler in transaction mode, where LISTEN does not hold).
    var listens = true

    /// The URL without a password, for messages.
    var description: String {
      "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// Settings sent when a connection starts.
    var startupParameters: [(String, String)] {
      schema.map { [("search_path", $0)] } ?? []
    }
  }

  /// libpq's `sslmode`s: how much of TLS a connection insists on.
  enum SSLMode: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP.
    case disable
    /// TLS if the server offers it, plain TCP if not; the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked (unless `sslrootcert` names CAs).
    case require
    /// TLS with a certificate signed by a trusted CA, for any host name.
    case verifyCA = "verify-ca"
    /// TLS with a certificate signed by a trusted CA and made out to the host connected to.
    case verifyFull = "verify-full"
  }

  /// Whether `location` is a `postgres://` or `postgresql://` URL.
  static func isServer(_ location: String) -> Bool {
    let lowered = location.lowercased()
    return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
  }

  /// The server a `postgres://` or `postgresql://` URL names, or nil for a file path.
  /// A URL carrying a password is refused: it would show in `ps` and in shell history.
  static func server(_ location: String) throws -> Server? {
    guard isServer(location) else { return nil }
    guard let url = URLComponents(string: location), let host = url.host, !host.isEmpty else {
      throw BookingError.databaseUnavailable(
        "“\(location)” is not a PostgreSQL URL like postgres://user@host:5432/encore")
    }
    guard url.password == nil else {
      throw BookingError.databaseUnavailable(
        "put the password in PGPASSWORD or ~/.pgpass, not in the URL")
    }
    let name = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
    let user =
      url.user ?? ProcessInfo.processInfo.environment["PGUSER"]
      ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    var server = Server(
      host: host, port: url.port ?? 5432, user: user, database: name.isEmpty ? user : name)
    let environment = ProcessInfo.processInfo.environment
    var sslMode = environment["PGSSLMODE"].flatMap { $0.isEmpty ? nil : $0 }
    server.rootCertificate = environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
    for item in url.queryItems ?? [] {
      switch (item.name, item.value) {
      case ("schema", let schema?) where !schema.isEmpty: server.schema = schema
      case ("pool", let size?) where Int(size).map({ (1...100).contains($0) }) ?? false:
        server.poolSize = Int(size)!
      case ("sslmode", let mode?): sslMode = mode
      case ("sslrootcert", let path?) where !path.isEmpty: server.rootCertificate = path
      case ("listen", "off"): server.listens = false
      default:
        throw BookingError.databaseUnavailable(
          "the URL's “\(item.name)” is not understood (only schema=, pool=1…100, sslmode=, "
            + "sslrootcert= and listen=off are)")
      }
    }
    if let sslMode {
      guard let mode = SSLMode(rawValue: sslMode) else {
        throw BookingError.databaseUnavailable(
          "sslmode “\(sslMode)” is not one of "
            + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
      }
      server.sslMode = mode
    }
    return server
  }
}
