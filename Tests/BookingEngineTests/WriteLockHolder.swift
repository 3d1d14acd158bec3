import Foundation
import GRDB

/// A second connection, on its own thread, holding `BEGIN IMMEDIATE` until released.
final class WriteLockHolder: Sendable {
  private let released = DispatchSemaphore(value: 0)
  private let taken: AsyncStream<Void>

  init(path: String) throws {
    let queue = try DatabaseQueue(path: path)
    let (taken, signal) = AsyncStream<Void>.makeStream()
    self.taken = taken
    let released = self.released
    Thread.detachNewThread {
      try? queue.inDatabase { db in
        try db.inTransaction(.immediate) {
          signal.yield()
          released.wait()
          return .rollback
        }
      }
    }
  }

  /// Returns once the lock is held.
  func acquired() async {
    for await _ in taken { return }
  }

  func release() { released.signal() }
}
