import Foundation

/// A switch shared by many tasks.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
  func clear() { lock.withLock { value = false } }
}
