import BookingEngine

/// How a seat looks: a fill character and a role. Every state has its own character, so the
/// map reads the same without colour; free seats take their price tier's colour.
enum SeatGlyph {
  /// What is shown for a seat: its state, or "picked" for a seat in the selection.
  enum Look: Hashable, Sendable {
    case free(tierRank: Int)
    case held
    case sold
    case heldByYou
    case yours
    case picked
  }

  static func look(of seat: Seat, isPicked: Bool) -> Look {
    if isPicked { return .picked }
    switch seat.state {
    case .available: return .free(tierRank: seat.tier.rank)
    case .held: return .held
    case .sold: return .sold
    case .heldByYou: return .heldByYou
    case .yours: return .yours
    }
  }

  /// The fill character; free seats are blank inside brackets and a dot without them.
  static func fill(_ look: Look, bracketed: Bool) -> Character {
    switch look {
    case .free: bracketed ? " " : "·"
    case .held: "░"
    case .sold: "█"
    case .heldByYou: "▓"
    case .yours: "★"
    case .picked: "✓"
    }
  }

  static func role(_ look: Look) -> Role {
    switch look {
    case .free(let rank): tierRole(rank)
    case .held: .seatHeld
    case .sold: .seatSold
    case .heldByYou, .yours: .seatMine
    case .picked: .seatSelected
    }
  }

  /// The role of a price tier by rank: 0 is the most expensive.
  static func tierRole(_ rank: Int) -> Role {
    switch rank {
    case 0: .tierPremium
    case 1: .tierHigh
    case 2: .tierMid
    default: .tierLow
    }
  }

  /// The legend, in the order shown.
  static let legend: [(Look, String)] = [
    (.free(tierRank: 0), "free"), (.held, "held"), (.sold, "sold"),
    (.picked, "picked"), (.heldByYou, "your hold"), (.yours, "bought"),
  ]

  /// A seat's state in words: "free", "held by someone else".
  static func stateText(_ state: Seat.State) -> String {
    switch state {
    case .available: "free"
    case .held: "held by someone else"
    case .sold: "sold"
    case .heldByYou: "held by you"
    case .yours: "yours"
    }
  }
}
