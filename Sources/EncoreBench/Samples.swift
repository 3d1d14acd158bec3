import Foundation

/// Durations collected from many tasks.
final class Samples: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Duration] = []

  func append(_ item: Duration) { lock.withLock { items.append(item) } }
  func sorted() -> [Duration] { lock.withLock { items.sorted() } }
}
