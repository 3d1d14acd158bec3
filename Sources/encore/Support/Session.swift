import BookingEngine
import Foundation
import Logging

/// Everything a command needs once the options are resolved: the open engine, the
/// user, their token jar and a logger.
struct Session: Sendable {
  let engine: BookingEngine
  let user: UserID
  /// The database file, absolute and with symlinks resolved, or the server's URL without
  /// a password: the jar's key.
  let databasePath: String
  /// What to open for another engine on the same database: the resolved file, or the
  /// server's URL as given (with its TLS and listening options).
  let database: String
  let jar: TokenJar
  let logger: Logger

  /// A caller with `token` for engine calls that need one.
  func caller(_ token: TokenValue) -> Caller { Caller(user: user, token: token) }
}

extension GlobalOptions {
  /// Resolves the paths, starts logging, opens (creating and seeding if needed) the database.
  func openSession(command: String) async throws -> Session {
    umask(0o077)  // every file Encore creates is the user's alone: 0600 files, 0700 folders
    let paths = Paths.current
    let logger = startLogging(in: paths.stateDirectory, command: command)
    let engine: BookingEngine
    let resolved: String
    let database: String
    if let server = chosenDatabase(paths), BookingEngine.isServerURL(server) {
      engine = try await BookingEngine.open(database: server)
      // The engine's location carries no password: safe to log and to key the jar by.
      resolved = engine.path
      database = server
      logger.debug("opened database", metadata: ["path": "\(resolved)"])
    } else {
      let file = try databaseFile(paths)
      logger.debug("opening database", metadata: ["path": "\(file.path)"])
      engine = try BookingEngine.open(path: file.path)
      resolved = file.resolvingSymlinksInPath().path
      database = resolved
    }
    if try await engine.seedDemoCatalogIfEmpty() {
      logger.info("seeded the demo catalog", metadata: ["path": "\(resolved)"])
    }
    let user = try userID()
    return Session(
      engine: engine, user: user, databasePath: resolved, database: database,
      jar: TokenJar(
        directory: paths.stateDirectory.appendingPathComponent("tokens"), database: resolved,
        user: user),
      logger: logger)
  }

  /// The database file, its folder created (0700) and the file itself created empty (0600)
  /// when missing, so SQLite never creates it with looser permissions.
  private func databaseFile(_ paths: Paths) throws -> URL {
    let file: URL
    if let database = chosenDatabase(paths) {
      file = URL(fileURLWithPath: database).standardizedFileURL
      let folder = file.deletingLastPathComponent()
      guard FileManager.default.fileExists(atPath: folder.path) else {
        throw CLIError.noSuchFolder(folder.path)
      }
    } else {
      file = paths.defaultDatabase
      try Paths.makeDirectory(file.deletingLastPathComponent())
    }
    let descriptor = open(file.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor >= 0 { close(descriptor) }
    return file
  }

  /// `--database`, else `ENCORE_DATABASE`, else nil (the default file).
  private func chosenDatabase(_ paths: Paths) -> String? {
    database ?? paths.environment["ENCORE_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
  }

  private func startLogging(in directory: URL, command: String) -> Logger {
    let level: Logger.Level = verbose ? .debug : .info
    let logFile = directory.appendingPathComponent("encore.log")
    try? Paths.makeDirectory(directory)
    LoggingSystem.bootstrap { label in
      var handler = FileLogHandler(label: label, path: logFile.path)
      handler.logLevel = level
      return handler
    }
    var logger = Logger(label: "encore")
    logger[metadataKey: "command"] = "\(command)"
    logger[metadataKey: "pid"] = "\(ProcessInfo.processInfo.processIdentifier)"
    return logger
  }
}
