import BookingEngine
import Synchronization

/// A token keeper that lives only as long as the process: for tests and previews.
public final class MemoryTokenKeeper: TokenKeeper {
  private let tokens = Mutex<[ConcertID: TokenValue]>([:])

  /// Creates an empty keeper.
  public init() {}

  public func token(for concert: ConcertID) -> TokenValue? {
    tokens.withLock { $0[concert] }
  }

  public func store(_ token: TokenValue, for concert: ConcertID) throws {
    tokens.withLock { $0[concert] = token }
  }

  public func remove(for concert: ConcertID) {
    _ = tokens.withLock { $0.removeValue(forKey: concert) }
  }
}
