import BookingEngine
import Foundation
import Testing

/// Turns: claimed within the window or lost, kept alive only by what a person does,
/// capped in length, and ended by the line's rules as they are now.
@Suite struct QueueTurnTests {
  /// A line of one slot with `first` booking and `waiting` behind, in order.
  private func line(
    _ bed: TestBed, first: UserID, waiting: [UserID]
  ) async throws -> (Caller, [Caller]) {
    let holder = try await bed.admitted(first)
    var callers: [Caller] = []
    for user in waiting {
      let token = try await bed.engine.issueToken(user: user, concert: "garden")
      callers.append(Caller(user: user, token: token.value))
    }
    return (holder, callers)
  }

  private func policy(_ change: (inout BookingPolicy) -> Void = { _ in }) -> BookingPolicy {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    change(&policy)
    return policy
  }

  @Test(arguments: Store.all) func anAdmittedUserWhoNeverClaimsIsReplacedWithinTheWindow(
    _ store: Store
  ) async throws {
    let bed = try await TestBed(store, policy: policy { $0.claimWindow = 60 })
    let (alice, behind) = try await line(bed, first: "alice", waiting: ["bob", "carol"])
    let (bob, carol) = (behind[0], behind[1])
    try await bed.engine.leaveQueue(alice)  // bob is let in, but has walked away
    #expect(try await bed.engine.queueStatus(carol).state == .waiting(position: 1, ahead: 0))

    bed.clock.advance(by: 59)
    #expect(!(try await bed.engine.queueStatus(carol).isActive), "bob's window is still open")
    bed.clock.advance(by: 2)
    #expect(try await bed.engine.queueStatus(carol).isActive, "the slot went to the next")
    #expect(try await bed.engine.queueStatus(bob).state == .expired)
    await expectRefusal(.tokenExpired) { try await bed.engine.dates(of: "garden", bob) }
  }

  @Test(arguments: Store.all) func aBookingCallClaimsTheTurnAndTheIdleTimeoutRunsFromIt(
    _ store: Store
  ) async throws {
    let bed = try await TestBed(
      store,
      policy: policy {
        $0.claimWindow = 60
        $0.activeIdleTimeout = 300
      })
    let (alice, behind) = try await line(bed, first: "alice", waiting: ["bob", "carol"])
    try await bed.engine.leaveQueue(alice)
    bed.clock.advance(by: 30)
    _ = try await bed.engine.dates(of: "garden", behind[0])  // bob claims
    bed.clock.advance(by: 299)
    #expect(try await bed.engine.queueStatus(behind[0]).isActive)
    #expect(!(try await bed.engine.queueStatus(behind[1]).isActive))
    bed.clock.advance(by: 2)
    #expect(try await bed.engine.queueStatus(behind[1]).isActive)
  }

  @Test(arguments: Store.all) func anOpenSeatMapLosesItsTurnAfterTheIdleTimeout(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store, policy: policy { $0.activeIdleTimeout = 120 })
    let (alice, behind) = try await line(bed, first: "alice", waiting: ["bob"])
    let date = try await bed.onSaleDate(alice)
    var map = try await bed.engine.seats(on: date.id, alice)
    // The app refreshes the map every 0.8 s; nobody touches a key.
    for _ in 0..<149 {
      bed.clock.advance(by: 0.8)
      map = try await bed.engine.refresh(map, alice)
    }
    #expect(try await bed.engine.queueStatus(alice).isActive, "119.2 s idle of 120")
    bed.clock.advance(by: 1)
    await expectRefusal(.tokenExpired) { try await bed.engine.refresh(map, alice) }
    #expect(try await bed.engine.queueStatus(behind[0]).isActive)
  }

  @Test(arguments: Store.all) func loweringTheIdleTimeoutShortensRunningTurns(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store, policy: policy { $0.activeIdleTimeout = 600 })
    let (alice, behind) = try await line(bed, first: "alice", waiting: ["bob"])
    bed.clock.advance(by: 120)
    #expect(try await bed.engine.queueStatus(alice).isActive)
    var rules = try await bed.engine.queuePolicy(concert: "garden")
    rules.activeIdleTimeout = 60
    try await bed.engine.setQueuePolicy(rules, concert: "garden")
    #expect(try await bed.engine.queueStatus(alice).state == .expired)
    #expect(try await bed.engine.queueStatus(behind[0]).isActive)
  }

  @Test(arguments: Store.all) func noTurnOutlastsTheLongestTurnHoweverBusy(_ store: Store)
    async throws
  {
    let bed = try await TestBed(
      store,
      policy: policy {
        $0.activeIdleTimeout = 600
        $0.longestTurn = 900
      })
    let (alice, _) = try await line(bed, first: "alice", waiting: ["bob"])
    for _ in 0..<3 {
      bed.clock.advance(by: 290)
      _ = try await bed.engine.dates(of: "garden", alice)
    }
    let status = try await bed.engine.queueStatus(alice)
    #expect(status.state == .active(until: TestBed.start.addingTimeInterval(900)))
    bed.clock.advance(by: 31)
    await expectRefusal(.tokenExpired) { try await bed.engine.dates(of: "garden", alice) }
  }

  @Test(arguments: Store.all) func waitingRoomPollsDoNotExtendATurn(_ store: Store) async throws {
    let bed = try await TestBed(store, policy: policy { $0.activeIdleTimeout = 60 })
    let (alice, behind) = try await line(bed, first: "alice", waiting: ["bob"])
    for _ in 0..<10 {
      bed.clock.advance(by: 7)
      _ = try await bed.engine.queueStatus(alice)
    }
    #expect(try await bed.engine.queueStatus(alice).state == .expired)
    #expect(try await bed.engine.queueStatus(behind[0]).isActive)
  }

  @Test func refreshesAndPollsTakeNoWriteLock() async throws {
    var rules = BookingPolicy()
    rules.activeCapacity = 1
    let bed = try await TestBed(policy: rules, onDisk: true)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.joined("bob")
    let date = try await bed.onSaleDate(alice)
    let map = try await bed.engine.seats(on: date.id, alice)

    // Another connection takes the write lock and keeps it (the busy timeout is 5 s).
    let lock = try WriteLockHolder(path: bed.engine.path)
    await lock.acquired()
    // The lock is held throughout: a call that needed it would throw once the busy
    // timeout ran out.
    let refreshed = try await bed.engine.refresh(map, alice)
    let status = try await bed.engine.queueStatus(bob)
    lock.release()

    #expect(refreshed == map, "nothing changed, nothing re-read")
    #expect(status.state == .waiting(position: 1, ahead: 0))
  }
}
