import BookingEngine

/// Something a screen wants done: the app performs effects in order after each update.
@MainActor
enum Effect {
  /// Puts a screen on top.
  case push(any Screen)
  /// Removes the top screen (quits when it is the last one).
  case pop
  /// Removes every screen but the first.
  case popToRoot
  /// Swaps the top screen for another.
  case replace(any Screen)
  /// Ends the app.
  case quit
  /// Runs an engine call in the background; its result comes back to the screen that asked.
  case run(EngineCommand)
  /// Shows a one-line message above the footer.
  case toast(String, Toast.Kind)
  /// Asks the engine again for the user's holds (after a hold, a release or a payment).
  case refreshHolds
  /// Shows a hold the user has just taken at once, then asks the engine again.
  case holdTaken(LiveHold)
}
