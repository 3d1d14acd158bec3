import BookingEngine

/// Points: the balance, an amount field to charge, and the ledger, newest first.
///
/// The field owns every printable key (so `q` and `?` are text here) and pastes; Enter reads
/// the amount with `Won.parse`, the same reader as `encore points charge`, so anything the
/// command line refuses is refused here with the same sentence and nothing is charged.
struct PointsScreen: Screen {
  private var account: PointAccount?
  private(set) var field: TextFieldState
  private var message: Toast?
  private var isCharging = false
  /// Whether a successful charge goes back to the screen that sent the user here (payment).
  let returnsAfterCharge: Bool

  init(suggested: Int64? = nil, returnsAfterCharge: Bool = false) {
    self.field = TextFieldState(
      maxLength: Self.fieldLength, initial: suggested.map { String($0) } ?? "")
    self.returnsAfterCharge = returnsAfterCharge
  }

  /// Room for any amount a person might type, refused or not; never silently cut short.
  static let fieldLength = 32

  var title: String { "Points" }

  var capturesText: Bool { true }

  var hints: [KeyHint] {
    [
      KeyHint("0-9", "amount"), KeyHint("Enter", "charge"),
      KeyHint("Esc", returnsAfterCharge ? "back to payment" : "back"), KeyHint("F1", "help"),
      KeyHint("Ctrl-C", "quit"),
    ]
  }

  var helpEntries: [KeyHint] {
    [
      KeyHint("0-9", "type the amount in won (300000, 300,000 or 300_000)"),
      KeyHint("Enter", "charge it"), KeyHint("Backspace", "delete the last character"),
      KeyHint("Ctrl-U", "clear the field"), KeyHint("Esc", "leave the field and go back"),
      KeyHint("F1", "show or hide this help (the field takes ? and q as text)"),
    ]
  }

  mutating func appear(_ context: AppContext) -> [Effect] { [.run(.account)] }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(.escape): return [.pop]
    case .key(.enter): return charge()
    case .key(let key):
      if field.handle(key) { message = nil }
    case .paste(let text):
      if field.insert(pasted: text) { message = nil }
    case .result(.account(.success(let latest))): account = latest
    case .result(.charged(.success(let entry))):
      isCharging = false
      field.clear()
      let text =
        "Charged " + Format.won(entry.delta) + ". Balance " + Format.won(entry.balanceAfter) + "."
      if returnsAfterCharge { return [.pop, .toast(text, .success)] }
      message = Toast(text, kind: .success)
      return [.run(.account)]
    case .result(.charged(.failure(let failure))):
      isCharging = false
      message = Toast(failure.description, kind: .error)
    case .result(.account(.failure(let failure))):
      message = Toast(failure.description, kind: .error)
    default: break
    }
    return []
  }

  private mutating func charge() -> [Effect] {
    guard !isCharging else { return [] }
    do {
      let amount = try Won.parse(field.text)
      isCharging = true
      return [.run(.charge(amount))]
    } catch {
      message = Toast(error.description + " Nothing was charged.", kind: .error)
      return []
    }
  }

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    canvas.put("Balance", at: content.origin, role: .dim, clippedTo: content)
    canvas.put(
      account.map { Format.won($0.balance) } ?? "…", at: content.origin.offset(dx: 16),
      role: .accent, clippedTo: content)
    canvas.put("Charge", at: content.origin.offset(dy: 2), role: .dim, clippedTo: content)
    TextField(state: field, unit: "won", placeholder: "amount")
      .render(
        in: Rect(x: content.minX + 16, y: content.minY + 2, width: 26, height: 1), on: &canvas)
    let limits =
      "Up to " + Format.won(context.policy.maxCharge) + " a time, "
      + Format.won(context.policy.maxBalance) + " in all."
    canvas.put(limits, at: content.origin.offset(dx: 16, dy: 3), role: .dim, clippedTo: content)
    message?.render(
      in: Rect(x: content.minX - 1, y: content.minY + 4, width: content.width + 1, height: 2),
      on: &canvas)
    canvas.put("Ledger", at: content.origin.offset(dy: 7), role: .title, clippedTo: content)
    let ledger = content.rows(from: 8)
    let entries = (account?.ledger ?? []).reversed()
    if entries.isEmpty {
      canvas.put("No charges or payments yet.", at: ledger.origin, role: .dim, clippedTo: ledger)
    }
    for (row, entry) in entries.prefix(ledger.height).enumerated() {
      let line = ledger.row(row)
      let kind = entry.kind == .charge ? "charge" : "payment"
      let delta = (entry.delta > 0 ? "+" : "") + Format.won(entry.delta)
      canvas.put(context.dates.dayAndTime(entry.at), at: line.origin, role: .dim, clippedTo: line)
      canvas.put(kind, at: line.origin.offset(dx: 18), clippedTo: line)
      canvas.put(
        delta, at: line.origin.offset(dx: 44 - TextWidth.width(of: delta)),
        role: entry.delta > 0 ? .success : .normal, clippedTo: line)
      let after = "balance " + Format.won(entry.balanceAfter)
      canvas.put(after, at: line.origin.offset(dx: 48), role: .dim, clippedTo: line)
    }
  }
}
