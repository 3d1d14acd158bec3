import BookingEngine
import Foundation

/// Refusals that come from the command line rather than the engine. Like ``BookingError``,
/// each has a stable `code` for scripts and a sentence for people.
enum CLIError: Error, CustomStringConvertible {
  /// No token in the jar for the concert.
  case notInQueue(ConcertID)
  /// `--database` names a file in a folder that does not exist.
  case noSuchFolder(String)
  /// The user gave up waiting in line (or the line ended) during `queue join --wait`.
  case queueEnded(String)
  /// A file or folder could not be made or written: what was tried, where, and why.
  case fileAccess(action: String, path: String, reason: String)

  var code: String {
    switch self {
    case .notInQueue: "not_in_queue"
    case .noSuchFolder: "no_such_folder"
    case .queueEnded: "queue_ended"
    case .fileAccess: "file_access"
    }
  }

  var description: String {
    switch self {
    case .notInQueue(let concert): "Join the queue first: encore queue join \(concert)"
    case .noSuchFolder(let path):
      "The folder \(path) does not exist: create it or choose another --database path."
    case .queueEnded(let reason): reason
    case .fileAccess(let action, let path, let reason): "Could not \(action) \(path): \(reason)."
    }
  }
}

extension CLIError {
  /// Runs a file operation, turning its failure into ``fileAccess(action:path:reason:)``:
  /// "Could not save your queue token in /x/tokens: Permission denied."
  static func attempt<T>(_ action: String, _ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CocoaError {
      var reason = error.localizedDescription
      if let posix = error.userInfo[NSUnderlyingErrorKey] as? NSError,
        posix.domain == NSPOSIXErrorDomain
      {
        reason = String(cString: strerror(Int32(posix.code)))
      }
      throw CLIError.fileAccess(action: action, path: path, reason: reason)
    }
  }
}
