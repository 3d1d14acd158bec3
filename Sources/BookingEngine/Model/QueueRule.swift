import Foundation

/// One switch of a concert's line, changed alone by
/// ``BookingEngine/change(_:concert:by:)``: the other rules stay as they are in the
/// database, whoever changed them last.
public enum QueueRule: Sendable, Hashable {
  /// Stop letting people in (true) or start again (false).
  case paused(Bool)
  /// At most this many active at once (nil: no limit).
  case activeCapacity(Int?)
  /// At most this many let in per minute (nil: no limit).
  case admissionsPerMinute(Int?)
  /// Seconds an admitted user has to make a first booking call.
  case claimWindow(TimeInterval)

  /// `rules` with this switch set (a pause is not part of the rules: they come back as given).
  func applied(to rules: QueuePolicy) -> QueuePolicy {
    var rules = rules
    switch self {
    case .paused: break
    case .activeCapacity(let capacity): rules.activeCapacity = capacity
    case .admissionsPerMinute(let rate): rules.admissionsPerMinute = rate
    case .claimWindow(let seconds): rules.claimWindow = seconds
    }
    return rules
  }

  /// What the change does to a line whose rules are `rules`: a pause or a resume, or
  /// these rules with the switch set, checked (the same for every store).
  enum Effect: Equatable {
    case paused(Bool)
    case rules(QueuePolicy)
  }

  /// What the change does to a line whose rules are `rules`; throws
  /// ``BookingError/invalidPolicy(_:)`` when the rules it makes cannot be used.
  func effect(on rules: QueuePolicy) throws -> Effect {
    if case .paused(let paused) = self { return .paused(paused) }
    let changed = applied(to: rules)
    try changed.validate()
    return .rules(changed)
  }
}
