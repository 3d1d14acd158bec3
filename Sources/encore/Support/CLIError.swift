import BookingEngine

/// Refusals that come from the command line rather than the engine. Like ``BookingError``,
/// each has a stable `code` for scripts and a sentence for people.
enum CLIError: Error, CustomStringConvertible {
  /// No token in the jar for the concert.
  case notInQueue(ConcertID)
  /// `--database` names a file in a folder that does not exist.
  case noSuchFolder(String)
  /// The user gave up waiting in line (or the line ended) during `queue join --wait`.
  case queueEnded(String)

  var code: String {
    switch self {
    case .notInQueue: "not_in_queue"
    case .noSuchFolder: "no_such_folder"
    case .queueEnded: "queue_ended"
    }
  }

  var description: String {
    switch self {
    case .notInQueue(let concert): "Join the queue first: encore queue join \(concert)"
    case .noSuchFolder(let path):
      "The folder \(path) does not exist: create it or choose another --database path."
    case .queueEnded(let reason): reason
    }
  }
}
