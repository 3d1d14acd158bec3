import ArgumentParser
import BookingEngine
import Foundation

/// The options every command takes: which database, who is booking, how much to log.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file, or a PostgreSQL server's postgres://user@host:5432/name URL; created with the demo catalog if missing.",
      discussion:
        "Default: $ENCORE_DATABASE, else $XDG_DATA_HOME/encore/encore.sqlite, else ~/.local/share/encore/encore.sqlite. A server's password comes from PGPASSWORD or ~/.pgpass, never from the URL.",
      valueName: "path-or-url"))
  var database: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Who is booking (default: $USER).", valueName: "name"))
  var user: String?

  @Flag(name: .long, help: "Log debug detail to encore.log in the state directory.")
  var verbose = false

  func validate() throws {
    if let database, database.isEmpty {
      throw ValidationError(
        "--database needs a file path, for example --database ./scratch.sqlite.")
    }
    if let user, user.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError("--user needs a name, for example --user alice.")
    }
    if user == nil, (Paths.current.environment["USER"] ?? "").isEmpty {
      throw ValidationError(
        "Encore does not know who you are: pass --user NAME or set the USER environment variable.")
    }
    do {
      _ = try userID()
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// The user named by `--user`, else `$USER`, normalised as the engine stores names (so
  /// the token jar and the database agree on who this is).
  func userID() throws -> UserID {
    try UserName.normalized(user ?? Paths.current.environment["USER"] ?? "")
  }
}
