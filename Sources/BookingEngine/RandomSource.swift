import Synchronization

/// Where the engine gets randomness for fair draws, so tests can fix it.
public protocol RandomSource: Sendable {
  func next() -> UInt64
}

extension RandomSource {
  /// A uniformly random permutation (Fisher–Yates).
  func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    guard result.count > 1 else { return result }
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      let other = Int(next() % UInt64(index + 1))
      result.swapAt(index, other)
    }
    return result
  }
}

/// The operating system's generator.
public struct SystemRandomSource: RandomSource {
  public init() {}
  public func next() -> UInt64 {
    var generator = SystemRandomNumberGenerator()
    return generator.next()
  }
}

/// A repeatable generator (SplitMix64) for tests and simulations.
public final class SeededRandomSource: RandomSource {
  private let state: Mutex<UInt64>

  public init(seed: UInt64) { state = Mutex(seed) }

  public func next() -> UInt64 {
    state.withLock { state in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
