#if PostgreSQL
  import Foundation

  /// Where a server's password comes from, as libpq finds it: `PGPASSWORD`, else the first
  /// matching line of `PGPASSFILE` or `~/.pgpass` (`host:port:database:user:password`,
  /// `*` matching anything, `\:` and `\\` escaped). As libpq does, a password file that
  /// others may read is ignored. The password is never logged or put in a message.
  enum PasswordFile {
    static func password(for server: DatabaseLocation.Server, environment: [String: String])
      -> String?
    {
      if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
      let path =
        environment["PGPASSFILE"]
        ?? environment["HOME"].map { $0 + "/.pgpass" }
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".pgpass").path
      guard
        let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
        let text = try? String(contentsOfFile: path, encoding: .utf8)
      else { return nil }
      return password(in: text, for: server)
    }

    /// The password of the first line of a password file matching `server`.
    static func password(in text: String, for server: DatabaseLocation.Server) -> String? {
      let wanted = [server.host, String(server.port), server.database, server.user]
      for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
        let fields = split(String(line))
        guard fields.count == 5 else { continue }
        if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
      }
      return nil
    }

    /// A line's fields, split at unescaped colons.
    private static func split(_ line: String) -> [String] {
      var fields: [String] = []
      var field = ""
      var escaped = false
      for character in line {
        if escaped {
          field.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == ":" && fields.count < 4 {
          fields.append(field)
          field = ""
        } else {
          field.append(character)
        }
      }
      fields.append(field)
      return fields
    }
  }
#endif
