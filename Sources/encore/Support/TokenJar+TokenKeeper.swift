import BookingTUI

// The jar is the app's token keeper too, so the app and every command share one place in line.
extension TokenJar: TokenKeeper {}
