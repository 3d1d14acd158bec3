import BookingEngine
import Foundation
import Testing

@Suite struct OperatorTests {
  @Test(arguments: Store.all) func theFirstOperatorIsAddedByAnyoneAndLaterOnesOnlyByAnOperator(
    _ store: Store
  ) async throws {
    let bed = try await TestBed(store)
    #expect(try await bed.engine.operators().isEmpty)
    try await bed.engine.addOperator("olga", by: "whoever")
    await expectRefusal(.notAnOperator("mallory")) {
      try await bed.engine.addOperator("mallory", by: "mallory")
    }
    try await bed.engine.addOperator("omar", by: "olga")
    let names = try await bed.engine.operators().map(\.name)
    #expect(names == ["olga", "omar"])
    #expect(try await bed.engine.operators().map(\.addedBy) == [nil, "olga"])
  }

  @Test(arguments: Store.all) func onlyAnOperatorRemovesOneAndAnUnknownNameIsSaidToBeNone(
    _ store: Store
  ) async throws {
    let bed = try await TestBed(store)
    try await bed.engine.addOperator("olga", by: "olga")
    try await bed.engine.addOperator("omar", by: "olga")
    await expectRefusal(.notAnOperator("mallory")) {
      try await bed.engine.removeOperator("omar", by: "mallory")
    }
    await expectRefusal(.notAnOperator("nobody")) {
      try await bed.engine.removeOperator("nobody", by: "olga")
    }
    try await bed.engine.removeOperator("omar", by: "olga")
    #expect(try await bed.engine.operators().map(\.name) == ["olga"])
  }

  @Test(arguments: Store.all) func aSaleIsOpenToAnyoneUntilTheFirstOperatorIsNamed(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    #expect(try await bed.engine.mayAct("anyone"))
    try await bed.engine.change(.paused(true), concert: "aurora", by: "anyone")
    try await bed.engine.addOperator("olga", by: "olga")
    #expect(try await !bed.engine.mayAct("anyone"))
    #expect(try await bed.engine.mayAct("olga"))
  }

  @Test(arguments: Store.all) func aNonOperatorChangesNoRuleAndIsToldWhy(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    try await bed.engine.addOperator("olga", by: "olga")
    let before = try await bed.engine.queuePolicy(concert: "aurora")
    for rule: QueueRule in [
      .paused(true), .activeCapacity(5), .admissionsPerMinute(7), .claimWindow(9),
    ] {
      await expectRefusal(.notAnOperator("mallory")) {
        try await bed.engine.change(rule, concert: "aurora", by: "mallory")
      }
    }
    var rules = before
    rules.activeCapacity = 1
    await expectRefusal(.notAnOperator("mallory")) {
      try await bed.engine.setQueuePolicy(rules, concert: "aurora", by: "mallory")
    }
    #expect(try await bed.engine.queuePolicy(concert: "aurora") == before)
    #expect(try await !bed.engine.boxOffice(concert: "aurora", viewer: "olga").line.isPaused)
    #expect(
      BookingError.notAnOperator("mallory").description
        == "mallory is not an operator of this sale (see encore operators list)."
    )
  }

  @Test(arguments: Store.all) func eachRuleChangesOnlyItself(_ store: Store) async throws {
    let bed = try await TestBed(store)
    try await bed.engine.addOperator("olga", by: "olga")
    var expected = try await bed.engine.queuePolicy(concert: "aurora")
    let changes: [(QueueRule, (inout QueuePolicy) -> Void)] = [
      (.activeCapacity(7), { $0.activeCapacity = 7 }),
      (.admissionsPerMinute(33), { $0.admissionsPerMinute = 33 }),
      (.claimWindow(45), { $0.claimWindow = 45 }),
      (.activeCapacity(nil), { $0.activeCapacity = nil }),
    ]
    for (rule, apply) in changes {
      try await bed.engine.change(rule, concert: "aurora", by: "olga")
      apply(&expected)
      #expect(try await bed.engine.queuePolicy(concert: "aurora") == expected)
      #expect(try await !bed.engine.boxOffice(concert: "aurora", viewer: "olga").line.isPaused)
    }
    try await bed.engine.change(.paused(true), concert: "aurora", by: "olga")
    #expect(try await bed.engine.queuePolicy(concert: "aurora") == expected)
    #expect(try await bed.engine.boxOffice(concert: "aurora", viewer: "olga").line.isPaused)
  }

  @Test(arguments: Store.all) func anInvalidRuleIsRefusedAndChangesNothing(_ store: Store)
    async throws
  {
    let bed = try await TestBed(store)
    let before = try await bed.engine.queuePolicy(concert: "aurora")
    do {
      try await bed.engine.change(.claimWindow(0), concert: "aurora", by: "olga")
      Issue.record("a claim window of 0 s was accepted")
    } catch let error as BookingError {
      #expect(error.code == "invalid_policy")
    }
    #expect(try await bed.engine.queuePolicy(concert: "aurora") == before)
  }
}
