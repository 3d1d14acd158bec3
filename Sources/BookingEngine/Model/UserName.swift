import Foundation

/// How a typed user name becomes the one string the database keys on.
///
/// A name is trimmed of surrounding white space and put in Unicode normal form C, so
/// “José” typed precomposed or decomposed is one user, stored as one byte string.
/// Blank names (also those of only invisible characters such as U+200B), names longer than
/// ``maxLength`` characters, and names holding control characters, line breaks or
/// bidirectional overrides (which can make one name look like another on a terminal) are
/// refused.
///
/// For example:
///
/// ```swift
/// try UserName.normalized(" Jose\u{301} ")  // "José", precomposed
/// try UserName.normalized("   ")            // throws BookingError.invalidUser
/// ```
public enum UserName {
  /// The longest name, in Unicode scalars after normalisation.
  public static let maxLength = 64

  /// The name as the engine stores and compares it, or ``BookingError/invalidUser(_:)``.
  public static func normalized(_ name: String) throws -> UserID {
    let normal = name.trimmingCharacters(in: .whitespacesAndNewlines)
      .precomposedStringWithCanonicalMapping
    guard normal.unicodeScalars.contains(where: isVisible),
      normal.unicodeScalars.count <= maxLength, !normal.unicodeScalars.contains(where: isRefused)
    else { throw BookingError.invalidUser(name) }
    return UserID(normal)
  }

  /// A letter, digit, punctuation mark or symbol: something a person can see and type.
  private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation,
      .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
      .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      true
    default: false
    }
  }

  private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: return true
    default: return bidiControls.contains(scalar.value)
    }
  }

  /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
  private static let bidiControls: Set<UInt32> = Set(0x202A...0x202E).union(0x2066...0x2069)
}
