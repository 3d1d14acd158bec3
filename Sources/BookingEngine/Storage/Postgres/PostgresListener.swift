#if PostgreSQL
  import Foundation
  import PostgresNIO
  import Synchronization

  /// One store's ear on the server: a connection of its own, outside the pool, that
  /// LISTENs for what migration 4's triggers announce (see ``PostgresSchema/channel``),
  /// remembers the latest seat version of each date and which turns are known to be
  /// running, and passes the announcements on to the engine's subscribers.
  ///
  /// What it remembers is trusted only while its LISTEN stands: a read remembered under a
  /// generation counts only while the generation is unchanged, and the generation moves on
  /// whenever the connection drops or comes back, whenever the store itself writes (its
  /// own change must be seen at once, not when its announcement arrives), and when the
  /// database is wiped. Without it every check goes to the server, as it did before.
  final class PostgresListener: Sendable {
    /// A turn the server found running, claimed, until `ends` (it can only be extended by
    /// the token's own calls; what may shorten it is announced).
    struct Turn {
      var user: UserID
      var concert: ConcertID
      /// The stored digest's first 16 characters, as announcements name a token.
      var key: String
      var ends: Int64
      var generation: UInt64
    }

    private struct State {
      var listening = false
      var generation: UInt64 = 0
      /// The highest seat version known of each date, since the LISTEN began.
      var versions: [Int64: Int64] = [:]
      /// The generation a read of each date's version was remembered under.
      var trusted: [Int64: UInt64] = [:]
      /// By the caller's token.
      var turns: [String: Turn] = [:]
      var subscribers: [Int: AsyncStream<BookingChange>.Continuation] = [:]
      var nextSubscriber = 0
      var connections = 0
      var backend: Int32?
      /// When the server last answered (or announced something).
      var heardAt = ContinuousClock.now
    }

    private struct Announcement: Decodable {
      var schema: String
      var date: Int64?
      var version: Int64?
      var concert: String?
      var token: String?
      var rules: Bool?
      var reset: Bool?
    }

    private let state = Mutex(State())
    /// Checks that went to the server (for tests and the benchmark).
    let serverChecks = Atomic<Int>(0)

    // MARK: The connection

    /// Listens until cancelled, connecting again (after a short, growing pause) whenever
    /// the connection is lost.
    func run(_ configuration: PostgresConnection.Configuration) async {
      var pause = Duration.milliseconds(50)
      while !Task.isCancelled {
        if let connection = try? await PostgresConnection.connect(
          configuration: configuration, id: 1, logger: PostgresStore.logger)
        {
          do {
            let (schema, backend) = try await connection.first(
              "SELECT current_schema()::text, pg_backend_pid()", as: (String, Int32).self)!
            try await connection.listen(on: PostgresSchema.channel) { notifications in
              // LISTEN is confirmed: whatever commits from now on is announced.
              restart(listening: true, backend: backend)
              pause = .milliseconds(50)
              // Whichever ends first ends the LISTEN: the announcements (the connection
              // closed) or the heartbeat (no answer, or a failed one: a connection killed
              // while a heartbeat was under way does not always end the announcements).
              // The connection is closed before the group waits for the other: neither a
              // query nor the announcements end on cancellation alone, and a listener
              // waiting on either would stay on a dead backend, trusted.
              try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.beat(connection) }
                group.addTask {
                  for try await notification in notifications {
                    self.receive(notification.payload, schema: schema)
                  }
                }
                var failure: (any Error)?
                do { try await group.next() } catch { failure = error }
                restart(listening: false, backend: nil)
                group.cancelAll()
                _ = try? await connection.close()
                if let failure { throw failure }
              }
            }
          } catch {}
          restart(listening: false, backend: nil)
          _ = try? await connection.close()
        }
        try? await Task.sleep(for: pause)
        pause = min(pause * 2, .seconds(2))
      }
      restart(listening: false, backend: nil)
      state.withLock { state in
        for subscriber in state.subscribers.values { subscriber.finish() }
      }
    }

    /// How often the connection is asked whether it is still there, and how long what is
    /// known counts after the last answer: a connection lost without a word (a cable, a
    /// firewall) stops counting within a few seconds instead of at a TCP timeout. An answer
    /// comes after every announcement committed before the question.
    static let heartbeat = Duration.seconds(1)
    static let trustedFor = Duration.seconds(3)

    /// Asks the server every ``heartbeat``; closes the connection when it does not answer
    /// in time, which ends the LISTEN and starts a new one.
    private func beat(_ connection: PostgresConnection) async throws {
      while !Task.isCancelled {
        try await Task.sleep(for: Self.heartbeat)
        let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
          group.addTask {
            _ = try await connection.first("SELECT 1", as: Int32.self)
            return true
          }
          group.addTask {
            // Closed from here, a query that never answers fails instead of hanging.
            try await Task.sleep(for: Self.trustedFor - Self.heartbeat)
            _ = try? await connection.close()
            return false
          }
          defer { group.cancelAll() }
          return try await group.next() ?? false
        }
        guard answered else { return }
        state.withLock { $0.heardAt = .now }
      }
    }

    /// A new generation: nothing known before counts, and nothing is known of an epoch
    /// whose announcements may have been missed.
    private func restart(listening: Bool, backend: Int32?) {
      state.withLock { state in
        state.listening = listening
        state.generation &+= 1
        state.versions = [:]
        state.trusted = [:]
        state.turns = [:]
        state.backend = backend
        state.heardAt = .now
        if listening { state.connections += 1 }
      }
    }

    private func receive(_ payload: String, schema: String) {
      guard
        let announcement = try? JSONDecoder().decode(Announcement.self, from: Data(payload.utf8)),
        announcement.schema == schema
      else { return }
      let change: BookingChange? = state.withLock { state in
        state.heardAt = .now
        if announcement.reset == true {
          state.generation &+= 1
          state.versions = [:]
          state.trusted = [:]
          state.turns = [:]
          return nil
        }
        if let date = announcement.date, let version = announcement.version {
          state.versions[date] = max(state.versions[date] ?? version, version)
          return .seats(DateID(date))
        }
        guard let concert = announcement.concert.map(ConcertID.init) else { return nil }
        if announcement.rules == true {
          state.turns = state.turns.filter { $0.value.concert != concert }
        } else if let token = announcement.token {
          state.turns = state.turns.filter { $0.value.key != token }
        }
        return .line(concert)
      }
      if let change { announce(change) }
    }

    // MARK: What is known

    /// The generation a read starting now may be remembered under, nil while not listening.
    func generation() -> UInt64? {
      state.withLock { $0.listening ? $0.generation : nil }
    }

    /// The store changed something itself: what is known may be out of date until the
    /// announcement arrives.
    func wrote() {
      state.withLock { $0.generation &+= 1 }
    }

    /// Remembers what a server read found, if nothing moved the generation since it began.
    func remember(date: DateID, version: Int64, token: String, turn: Turn?, from generation: UInt64)
    {
      state.withLock { state in
        guard state.listening, state.generation == generation else { return }
        state.versions[date.rawValue] = max(state.versions[date.rawValue] ?? version, version)
        state.trusted[date.rawValue] = generation
        state.turns[token] = turn
      }
    }

    /// Whether a map of `date` read at `version` is known unchanged at `now` for the
    /// holder of `token`, whose turn is known to be running: no seat announced since, no
    /// hold on it due to end, and nothing announced about the turn or its line's rules.
    func knowsUnchanged(
      date: DateID, version: Int64, nextExpiry: Int64?, token: String, user: UserID,
      concert: ConcertID, now: Int64
    ) -> Bool {
      if let nextExpiry, nextExpiry <= now { return false }
      return state.withLock { state in
        guard state.listening, ContinuousClock.now - state.heardAt < Self.trustedFor,
          state.trusted[date.rawValue] == state.generation,
          state.versions[date.rawValue] == version, let turn = state.turns[token],
          turn.generation == state.generation, turn.user == user, turn.concert == concert
        else { return false }
        return turn.ends > now
      }
    }

    /// Whether the LISTEN stands, how many times it was made, and its server process.
    var connection: (listening: Bool, connections: Int, backend: Int32?) {
      state.withLock { ($0.listening, $0.connections, $0.backend) }
    }

    // MARK: Subscribers

    /// A new stream of what is announced, from now on.
    func changes() -> AsyncStream<BookingChange> {
      let (stream, continuation) = AsyncStream.makeStream(
        of: BookingChange.self, bufferingPolicy: .bufferingNewest(256))
      let id = state.withLock { state in
        defer { state.nextSubscriber += 1 }
        state.subscribers[state.nextSubscriber] = continuation
        return state.nextSubscriber
      }
      continuation.onTermination = { [weak self] _ in
        _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
      }
      return stream
    }

    private func announce(_ change: BookingChange) {
      let subscribers = state.withLock { Array($0.subscribers.values) }
      for subscriber in subscribers { subscriber.yield(change) }
    }
  }
#endif
