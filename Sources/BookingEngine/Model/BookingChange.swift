/// Something that changed in a shared database, as announced to the engines watching it:
/// a view showing it asks again now instead of at its next poll.
public enum BookingChange: Sendable, Hashable {
  /// Seats of a date were held, released or sold.
  case seats(DateID)
  /// A concert's line moved (someone was let in or left), a turn on it ended, or its rules
  /// changed.
  case line(ConcertID)
}
