import BookingEngine
import Foundation
import Testing

/// `sslmode` against a real server with `ssl=on` (its CA in `ENCORE_TEST_POSTGRES_CA`, the
/// certificate made out to `localhost` only, the URL naming 127.0.0.1), and against a
/// listener that declines SSL.
@Suite struct PostgresTLSTests {
  /// The CA that signed the test server's certificate.
  static var authority: String? {
    guard Store.postgresURL != nil,
      let path = ProcessInfo.processInfo.environment["ENCORE_TEST_POSTGRES_CA"], !path.isEmpty
    else { return nil }
    return path
  }

  /// A fresh schema on the test server, opened with `options` added to its URL.
  private func open(_ options: String, host: String? = nil) async throws -> BookingEngine {
    var url = Store(kind: .postgres(url: try #require(Store.postgresURL))).freshDatabase()
    if let host { url = url.replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):") }
    return try await BookingEngine.open(database: url + "&" + options)
  }

  /// The sentence opening `options` fails with.
  private func refusal(_ options: String, host: String? = nil) async -> BookingError? {
    do {
      _ = try await open(options, host: host)
      return nil
    } catch {
      return error as? BookingError
    }
  }

  @Test(
    .enabled(
      if: authority != nil,
      "TLS cases skipped: set ENCORE_TEST_POSTGRES_CA to the CA of the test server (ssl=on)"))
  func verifyFullWithTheServersCAConnectsAndBooks() async throws {
    let engine = try await open(
      "sslmode=verify-full&sslrootcert=\(Self.authority!)", host: "localhost")
    try await engine.seedDemoCatalogIfEmpty()
    #expect(try await engine.concerts().count > 0)
    #expect(try await engine.charge(user: "alice", amount: 1_000).delta == 1_000)
    #expect(try await engine.audit().isClean)
  }

  @Test(.enabled(if: authority != nil, "needs ENCORE_TEST_POSTGRES_CA"))
  func aCertificateNoTrustedCASignedIsRefusedUnderVerifyFull() async throws {
    // The system's CAs never signed the throwaway one.
    let error = await refusal("sslmode=verify-full&sslrootcert=system")
    guard case .serverUnavailable(_, _, let reason) = error else {
      Issue.record("connected to a server nobody vouches for: \(String(describing: error))")
      return
    }
    #expect(reason.contains("not signed by a trusted CA"), "\(reason)")
    // `require` encrypts without checking: the same server is taken.
    _ = try await open("sslmode=require")
  }

  @Test(.enabled(if: authority != nil, "needs ENCORE_TEST_POSTGRES_CA"))
  func verifyFullRefusesACertificateMadeOutToAnotherHost() async throws {
    let ca = Self.authority!
    // 127.0.0.1 is the same server, whose certificate names `localhost` only.
    let error = await refusal("sslmode=verify-full&sslrootcert=\(ca)")
    guard case .serverUnavailable(_, _, let reason) = error else {
      Issue.record("took a certificate made out to another host: \(String(describing: error))")
      return
    }
    #expect(reason.contains("not made out to 127.0.0.1"), "\(reason)")
    _ = try await open("sslmode=verify-ca&sslrootcert=\(ca)")
  }

  @Test func aMissingRootCertificateFileIsNamedBeforeConnecting() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    // Port 1: nothing listens, so only the file check can answer.
    do {
      _ = try await BookingEngine.open(
        database: "postgres://encore@127.0.0.1:1/sales?sslmode=verify-full"
          + "&sslrootcert=/nonexistent/ca.crt")
      Issue.record("opened without its CA certificate")
    } catch let error as BookingError {
      #expect(error.code == "database_unavailable")
      #expect("\(error)".contains("/nonexistent/ca.crt (sslrootcert) does not exist"), "\(error)")
    }
  }

  @Test func anUnknownSSLModeIsRefusedWithTheModesThereAre() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    do {
      _ = try await BookingEngine.open(database: "postgres://encore@127.0.0.1:1/sales?sslmode=on")
      Issue.record("took sslmode=on")
    } catch let error as BookingError {
      #expect("\(error)".contains("disable, prefer, require, verify-ca, verify-full"), "\(error)")
    }
  }

  @Test func requireAgainstAServerWithoutSSLSaysSo() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    let server = try DecliningServer()
    do {
      _ = try await BookingEngine.open(
        database: "postgres://encore@127.0.0.1:\(server.port)/sales?sslmode=require")
      Issue.record("went on without SSL")
    } catch let error as BookingError {
      guard case .serverUnavailable(let host, _, let reason) = error else {
        Issue.record("expected server_unavailable, got \(error)")
        return
      }
      #expect(host == "127.0.0.1:\(server.port)")
      #expect(reason.contains("does not accept SSL connections"), "\(reason)")
    }
  }

  @Test func preferGoesOnInPlainTCPWhenTheServerHasNoSSL() async throws {
    guard BookingEngine.supportsPostgreSQL else { return }
    let server = try DecliningServer()
    // No sslmode: `prefer`. The listener's answer to the login, sent in the clear, shows
    // the client went on without TLS.
    do {
      _ = try await BookingEngine.open(database: "postgres://encore@127.0.0.1:\(server.port)/sales")
      Issue.record("opened a listener that is no server")
    } catch let error as BookingError {
      guard case .serverUnavailable(_, _, let reason) = error else {
        Issue.record("expected server_unavailable, got \(error)")
        return
      }
      #expect(reason == DecliningServer.answer, "\(reason)")
    }
  }
}

/// A listener on loopback that answers every request for SSL as a server built without it
/// does (a single `N`), then any login with an error saying ``answer``.
private final class DecliningServer: Sendable {
  static let answer = "this listener speaks plain TCP only"
  let port: Int
  private let socket: Int32

  init() throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && listen(socket, 4) == 0
          && getsockname(socket, $0, &length) == 0
      }
    }
    guard bound else { throw CocoaError(.fileWriteUnknown) }
    self.socket = socket
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [socket] in
      while true {
        let client = accept(socket, nil, nil)
        guard client >= 0 else { return }
        var request = [UInt8](repeating: 0, count: 8)
        _ = read(client, &request, 8)  // length 8, then the SSLRequest code
        _ = write(client, "N", 1)
        // The login: its length, then the rest; the answer is an ErrorResponse.
        if read(client, &request, 4) == 4 {
          var rest = Int(request[0]) << 24 | Int(request[1]) << 16 | Int(request[2]) << 8
          rest = (rest | Int(request[3])) - 4
          var login = [UInt8](repeating: 0, count: max(rest, 0))
          while rest > 0, case let got = read(client, &login, rest), got > 0 { rest -= got }
          let fields = Array("SFATAL\0C08P01\0M\(Self.answer)\0\0".utf8)
          let length = UInt32(fields.count + 4)
          let message =
            [UInt8(ascii: "E")] + withUnsafeBytes(of: length.bigEndian) { Array($0) } + fields
          _ = write(client, message, message.count)
        }
        while read(client, &request, 8) > 0 {}
        close(client)
      }
    }
  }

  deinit {
    shutdown(socket, Int32(SHUT_RDWR))
    close(socket)
  }
}
