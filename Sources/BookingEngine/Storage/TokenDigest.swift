import Crypto
import Foundation

/// What the database keeps of a queue token: its SHA-256, never the token itself, so a
/// copy of the file cannot be used to stand in anyone's place in line.
///
/// A token is looked up by its digest and the stored digest is then compared in
/// constant time, so timing a lookup tells nothing about a real token.
enum TokenDigest {
  /// The SHA-256 of `token`'s UTF-8 bytes, as 64 lowercase hex digits.
  static func of(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { byte in
      let digits = String(byte, radix: 16)
      return byte < 0x10 ? "0" + digits : digits
    }.joined()
  }

  /// Whether two digests are equal, taking the same time wherever they differ.
  static func matches(_ stored: String, _ computed: String) -> Bool {
    let left = Array(stored.utf8)
    let right = Array(computed.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}

extension Identifier where Tag == QueueToken, RawValue == String {
  /// The token's SHA-256 in hex, as the `queue_token` and `hold` tables store it: for
  /// tools that read the database file directly.
  public var digest: String { TokenDigest.of(rawValue) }
}
