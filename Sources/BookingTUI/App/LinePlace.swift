import BookingEngine

/// Where the user stands in a concert's line, and whether the line is moving at all.
struct LinePlace: Sendable, Hashable {
  var status: QueueStatus
  /// Whether an operator has paused letting people in.
  var isPaused: Bool
}
