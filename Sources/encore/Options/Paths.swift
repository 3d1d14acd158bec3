import Foundation

/// Where Encore keeps its files, following the XDG base directory rules.
///
/// For example:
///
/// ```swift
/// Paths.current.defaultDatabase  // ~/.local/share/encore/encore.sqlite
/// Paths.current.stateDirectory   // ~/.local/state/encore
/// ```
struct Paths: Sendable {
  let environment: [String: String]

  static var current: Paths { Paths(environment: ProcessInfo.processInfo.environment) }

  /// `$HOME`, else the account's home directory.
  var home: URL {
    if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
    return FileManager.default.homeDirectoryForCurrentUser
  }

  /// `$XDG_DATA_HOME/encore`, else `~/.local/share/encore`.
  var dataDirectory: URL {
    base("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("encore")
  }

  /// `$XDG_STATE_HOME/encore`, else `~/.local/state/encore`: the token jar and the log.
  var stateDirectory: URL {
    base("XDG_STATE_HOME", fallback: ".local/state").appendingPathComponent("encore")
  }

  var defaultDatabase: URL { dataDirectory.appendingPathComponent("encore.sqlite") }

  /// The XDG variable when it holds an absolute path (the spec says to ignore relative ones).
  private func base(_ variable: String, fallback: String) -> URL {
    if let value = environment[variable], value.hasPrefix("/") {
      return URL(fileURLWithPath: value, isDirectory: true)
    }
    return home.appendingPathComponent(fallback, isDirectory: true)
  }

  /// Creates `directory` and any missing parents with mode 0700.
  static func makeDirectory(_ directory: URL) throws {
    try CLIError.attempt("create the folder", directory.path) {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
  }
}
