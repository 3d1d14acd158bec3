#if PostgreSQL
  import Foundation
  import PostgresNIO

  /// The TLS a server's `sslmode` asks for, as postgres-nio takes it (NIOSSL comes with
  /// PostgresNIO). The modes mean what they mean to libpq: `prefer` and `require` encrypt
  /// without checking who answers (so a listener on the wire learns nothing, but one in the
  /// middle could pose as the server); `verify-ca` checks the certificate against the CAs
  /// of `sslrootcert`; `verify-full` also checks it is made out to the host connected to.
  struct PostgresTLS {
    enum Insistence { case disable, prefer, require }

    let insistence: Insistence
    let configuration: TLSConfiguration

    /// The settings for `server`, with the CA certificates read now, so that a missing or
    /// unreadable `sslrootcert` is named before any connection is tried.
    init(_ server: DatabaseLocation.Server, environment: [String: String]) throws {
      var configuration = TLSConfiguration.makeClientConfiguration()
      // libpq's default place for the CAs, used by the checking modes when none is named.
      let home =
        environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
      let usual = home + "/.postgresql/root.crt"
      var verification = server.sslMode
      // As in libpq: `require` with CAs named checks the chain as `verify-ca` does.
      if verification == .require && server.rootCertificate != nil { verification = .verifyCA }
      switch verification {
      case .disable, .prefer, .require:
        configuration.certificateVerification = .none
      case .verifyCA, .verifyFull:
        configuration.certificateVerification =
          verification == .verifyFull ? .fullVerification : .noHostnameVerification
        switch server.rootCertificate {
        case "system"?:
          configuration.trustRoots = .default
        case let path?:
          configuration.trustRoots = .certificates(try Self.certificates(path))
        case nil where FileManager.default.fileExists(atPath: usual):
          configuration.trustRoots = .certificates(try Self.certificates(usual))
        case nil:
          throw BookingError.databaseUnavailable(
            "sslmode=\(server.sslMode.rawValue) checks the server's certificate against a CA: "
              + "name its certificate with sslrootcert=PATH (or sslrootcert=system for the "
              + "system's trusted CAs), or put it at \(usual)")
        }
      }
      self.configuration = configuration
      insistence =
        switch server.sslMode {
        case .disable: .disable
        case .prefer: .prefer
        case .require, .verifyCA, .verifyFull: .require
        }
    }

    /// For the pool.
    var client: PostgresClient.Configuration.TLS {
      switch insistence {
      case .disable: .disable
      case .prefer: .prefer(configuration)
      case .require: .require(configuration)
      }
    }

    /// For a single connection.
    func connection() throws -> PostgresConnection.Configuration.TLS {
      switch insistence {
      case .disable: .disable
      case .prefer: .prefer(try NIOSSLContext(configuration: configuration))
      case .require: .require(try NIOSSLContext(configuration: configuration))
      }
    }

    private static func certificates(_ path: String) throws -> [NIOSSLCertificate] {
      guard FileManager.default.fileExists(atPath: path) else {
        throw BookingError.databaseUnavailable(
          "the CA certificate file \(path) (sslrootcert) does not exist")
      }
      guard let certificates = try? NIOSSLCertificate.fromPEMFile(path), !certificates.isEmpty
      else {
        throw BookingError.databaseUnavailable(
          "the CA certificate file \(path) (sslrootcert) holds no PEM certificate")
      }
      return certificates
    }

    /// What went wrong with TLS, in a sentence, or nil when `error` is not about TLS.
    static func reason(_ error: any Error, server: DatabaseLocation.Server) -> String? {
      guard let error = error as? PSQLError else { return nil }
      if error.code == .sslUnsupported {
        return "the server does not accept SSL connections, and sslmode="
          + "\(server.sslMode.rawValue) insists on them (ask for ssl=on on the server, or use "
          + "sslmode=prefer or disable on a network you trust)"
      }
      guard let underlying = error.underlying else { return nil }
      if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
        return "the server's certificate is not made out to \(server.host) "
          + "(sslmode=verify-full; verify-ca checks the CA alone)"
      }
      if "\(underlying)".contains("CERTIFICATE_VERIFY_FAILED") {
        return "the server's certificate is not signed by a trusted CA "
          + "(sslrootcert=\(server.rootCertificate ?? "~/.postgresql/root.crt"))"
      }
      if underlying is NIOSSLError {
        return "the TLS handshake failed (\(underlying))"
      }
      return nil
    }
  }
#endif
