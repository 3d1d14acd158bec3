import BookingEngine
import Foundation
import Testing

@Suite struct QueueTests {
  @Test(arguments: Store.all) func askingAgainKeepsThePlaceUnderANewTokenAndRetiresTheOld(
    _ store: Store
  ) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    let bed = try await TestBed(store, policy: policy)
    _ = try await bed.engine.issueToken(user: "first", concert: "garden")
    let token = try await bed.engine.issueToken(user: "alice", concert: "garden")
    let again = try await bed.engine.issueToken(user: "alice", concert: "garden")
    #expect(token.value != again.value)
    #expect(again.issuedAt == token.issuedAt)
    let status = try await bed.engine.queueStatus(Caller(user: "alice", token: again.value))
    #expect(status.state == .waiting(position: 1, ahead: 0))
    #expect(status.token.value == again.value)
    await expectRefusal(.unknownToken) {
      try await bed.engine.queueStatus(Caller(user: "alice", token: token.value))
    }
  }

  @Test(arguments: Store.all) func resettingTheDemoEmptiesTheLine(_ store: Store) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let bed = try await TestBed(store, policy: policy)
    for index in 0..<5 {
      _ = try await bed.engine.issueToken(user: UserID("u\(index)"), concert: "garden")
    }
    try await bed.engine.resetToDemoCatalog()
    var last: QueueToken?
    for name in ["alice", "bob", "carol"] {
      last = try await bed.engine.issueToken(user: UserID(name), concert: "garden")
    }
    let status = try await bed.engine.queueStatus(Caller(user: "carol", token: last!.value))
    #expect(status.state == .waiting(position: 3, ahead: 2))
    #expect(status.waitingCount == 3)
  }

  @Test(arguments: Store.all) func tokensAreLongRandomAndUnrelatedToTheUser(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let a = try await bed.engine.issueToken(user: "alice", concert: "garden")
    let b = try await bed.engine.issueToken(user: "alice", concert: "aurora")
    #expect(a.value.rawValue.count == 32)
    #expect(a.value != b.value)
    #expect(!a.value.rawValue.contains("alice"))
  }

  @Test(arguments: Store.all) func joinsInTheSameMillisecondAreStrictlyOrdered(_ store: Store)
    async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let bed = try await TestBed(store, policy: policy)
    var callers: [Caller] = []
    for index in 0..<20 {  // the clock never moves: every join has the same timestamp
      callers.append(try await bed.joined(UserID("user\(index)")))
    }
    for (index, caller) in callers.enumerated() {
      let status = try await bed.engine.queueStatus(caller)
      #expect(status.state == .waiting(position: index + 1, ahead: index))
      #expect(status.aheadAtJoin == index)
      #expect(status.waitingCount == 20)
    }
  }

  @Test(arguments: Store.all) func capacityAdmitsInArrivalOrderAsSlotsFree(_ store: Store)
    async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = 2
    let bed = try await TestBed(store, policy: policy)
    let a = try await bed.admitted("a")
    let b = try await bed.admitted("b")
    let c = try await bed.joined("c")
    let d = try await bed.joined("d")
    #expect(try await bed.engine.queueStatus(c).state == .waiting(position: 1, ahead: 0))
    #expect(try await bed.engine.queueStatus(d).state == .waiting(position: 2, ahead: 1))

    // a pays: its token is used up and its slot goes to c, the first in line.
    try await bed.engine.charge(user: "a", amount: 1_000_000)
    let date = try await bed.onSaleDate(a)
    let hold = try await bed.engine.hold(
      seats: try await bed.seats(["11"], on: date.id, a), on: date.id, a)
    _ = try await bed.engine.pay(hold: hold.id, a)
    #expect(try await bed.engine.queueStatus(a).state == .used)
    #expect(try await bed.engine.queueStatus(c).isActive)
    #expect(try await bed.engine.queueStatus(d).state == .waiting(position: 1, ahead: 0))
    _ = b
  }

  @Test(arguments: Store.all) func bookingNeedsAnActiveTokenOfTheCaller(_ store: Store) async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    let bed = try await TestBed(store, policy: policy)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.joined("bob")

    await expectRefusal(.stillWaiting(position: 1)) {
      try await bed.engine.dates(of: "garden", bob)
    }
    await expectRefusal(.tokenOfAnotherUser) {
      try await bed.engine.dates(of: "garden", Caller(user: "mallory", token: alice.token))
    }
    await expectRefusal(.unknownToken) {
      try await bed.engine.dates(of: "garden", Caller(user: "alice", token: "forged"))
    }
    await expectRefusal(.tokenForAnotherConcert("garden")) {
      try await bed.engine.dates(of: "aurora", alice)
    }
    await expectRefusal(.unknownConcert("nope")) { try await bed.engine.dates(of: "nope", alice) }
    await expectRefusal(.unknownConcert("nope")) {
      try await bed.engine.issueToken(user: "alice", concert: "nope")
    }
    await expectRefusal(.invalidUser("")) {
      try await bed.engine.issueToken(user: "", concert: "garden")
    }
  }

  @Test(arguments: Store.all) func anIdleActiveTokenExpiresAndFreesItsSlot(_ store: Store)
    async throws
  {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    let bed = try await TestBed(store, policy: policy)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.joined("bob")
    bed.clock.advance(by: 4 * 60)
    _ = try await bed.engine.dates(of: "garden", alice)  // use keeps the token alive
    _ = try await bed.engine.queueStatus(bob)  // polling keeps bob in line
    bed.clock.advance(by: 4 * 60)
    _ = try await bed.engine.queueStatus(bob)
    #expect(try await bed.engine.queueStatus(alice).isActive)

    for _ in 0..<2 {  // alice idle for 9 of her 10 minutes: bob still waits
      bed.clock.advance(by: 2.5 * 60)
      #expect(!(try await bed.engine.queueStatus(bob).isActive))
    }
    bed.clock.advance(by: 2 * 60)
    #expect(try await bed.engine.queueStatus(bob).isActive)
    await expectRefusal(.tokenExpired) { try await bed.engine.dates(of: "garden", alice) }
  }

  @Test(arguments: Store.all) func aWaiterFarBackKeepsThePlaceByPollsThatOnlyNoteIt(
    _ store: Store
  ) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let bed = try await TestBed(store, policy: policy)
    let (alice, bob) = (try await bed.joined("alice"), try await bed.joined("bob"))
    // alice's poll sweeps the line; bob's, a second later, has no line work left to do and
    // only notes him (his last note is 160 s old, past the half grace period).
    bed.clock.advance(by: 160)
    _ = try await bed.engine.queueStatus(alice)
    bed.clock.advance(by: 1)
    #expect(try await bed.engine.queueStatus(bob).state == .waiting(position: 2, ahead: 1))
    // Had that note not been written, bob (last seen on joining, 455 s ago) would be
    // swept now: the grace period and the half period polls are written down at.
    bed.clock.advance(by: 294)
    _ = try await bed.engine.queueStatus(alice)
    #expect(try await bed.engine.queueStatus(bob).state == .waiting(position: 2, ahead: 1))
    // That poll noted him too; when he stops, the sweep takes him out once it is 450 s old.
    bed.clock.advance(by: 451)
    _ = try await bed.engine.queueStatus(alice)
    #expect(try await bed.engine.queueStatus(bob).state == .left)
  }

  @Test(arguments: Store.all) func aTurnSaysWhenTheLineLetItInHoweverLateItIsLookedAt(
    _ store: Store
  ) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 1
    let bed = try await TestBed(store, policy: policy)
    let alice = try await bed.admitted("alice")
    let bob = try await bed.joined("bob")
    #expect(try await bed.engine.queueStatus(bob).admittedAt == nil)
    bed.clock.advance(by: 7)
    let letIn = bed.clock.now()
    try await bed.engine.leaveQueue(alice)  // bob is let in now
    bed.clock.advance(by: 40)
    let status = try await bed.engine.queueStatus(bob)
    #expect(status.isActive)
    #expect(status.admittedAt == letIn)
  }

  @Test(arguments: Store.all) func aWaiterWhoStopsPollingLeavesTheLineAndRejoinsAtTheBack(
    _ store: Store
  ) async throws {
    var policy = BookingPolicy()
    policy.activeCapacity = 0
    let bed = try await TestBed(store, policy: policy)
    let first = try await bed.engine.issueToken(user: "alice", concert: "garden")
    let bob = try await bed.joined("bob")
    // Polls are written down every half grace period, so a waiter who stops keeps the
    // place for between one and one and a half grace periods (5 min here).
    for _ in 0..<4 {
      bed.clock.advance(by: 2 * 60)
      _ = try await bed.engine.queueStatus(bob)
    }
    #expect(try await bed.engine.queueStatus(bob).state == .waiting(position: 1, ahead: 0))
    let alice = Caller(user: "alice", token: first.value)
    #expect(try await bed.engine.queueStatus(alice).state == .left)
    await expectRefusal(.leftTheLine) { try await bed.engine.dates(of: "garden", alice) }
    let again = try await bed.engine.issueToken(user: "alice", concert: "garden")
    #expect(again.value != first.value)
    #expect(
      try await bed.engine.queueStatus(Caller(user: "alice", token: again.value)).state
        == .waiting(position: 2, ahead: 1))
  }
}
