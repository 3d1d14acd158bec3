/// Amounts of money as people read them: `1,234,567 won`.
public enum Won {
  /// The largest amount Encore handles anywhere (10^15 won): a price, a hold's total, a
  /// charge or a balance beyond it is refused, so no sum of them can overflow `Int64`.
  public static let limit: Int64 = 1_000_000_000_000_000

  /// `150000` → `"150,000 won"`.
  public static func text(_ amount: Int64) -> String { "\(grouped(amount)) won" }

  /// Thousands separated by commas, whatever the locale: `-5000` → `"-5,000"`.
  public static func grouped<Number: BinaryInteger>(_ number: Number) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return number < 0 ? "-" + result : result
  }
}
