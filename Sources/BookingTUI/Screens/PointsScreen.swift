import BookingEngine

/// Points: the balance, an amount field to charge (digits only; the engine enforces the
/// limits and says why), and the ledger, newest first.
struct PointsScreen: Screen {
  private var account: PointAccount?
  private var field: TextFieldState
  private var message: Toast?
  private var isCharging = false
  /// Whether a successful charge goes back to the screen that sent the user here (payment).
  let returnsAfterCharge: Bool

  init(suggested: Int64? = nil, returnsAfterCharge: Bool = false) {
    self.field = TextFieldState(maxLength: 9, initial: suggested.map { String($0) } ?? "")
    self.returnsAfterCharge = returnsAfterCharge
  }

  var title: String { "Points" }

  var hints: [KeyHint] {
    [
      KeyHint("0-9", "amount"), KeyHint("Enter", "charge"), KeyHint("Backspace", "delete"),
      KeyHint("Esc", returnsAfterCharge ? "back to payment" : "back"), KeyHint("?", "help"),
      KeyHint("q", "quit"),
    ]
  }

  mutating func appear(_ context: AppContext) -> [Effect] { [.run(.account)] }

  mutating func update(_ event: ScreenEvent, _ context: AppContext) -> [Effect] {
    switch event {
    case .key(.escape): return [.pop]
    case .key(.backspace) where field.isEmpty: return [.pop]
    case .key(.enter):
      guard !isCharging else { return [] }
      isCharging = true
      return [.run(.charge(field.value ?? 0))]
    case .key(let key):
      if field.handle(key) { message = nil }
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

  func render(into canvas: inout Canvas, area: Rect, _ context: AppContext) {
    let content = area.inset(top: 1, left: 3, bottom: 0, right: 3)
    canvas.put("Balance", at: content.origin, role: .dim, clippedTo: content)
    canvas.put(
      account.map { Format.won($0.balance) } ?? "…", at: content.origin.offset(dx: 16),
      role: .accent, clippedTo: content)
    canvas.put("Charge", at: content.origin.offset(dy: 2), role: .dim, clippedTo: content)
    TextField(state: field, unit: "won", placeholder: "amount")
      .render(
        in: Rect(x: content.minX + 16, y: content.minY + 2, width: 18, height: 1), on: &canvas)
    let limits =
      "Up to " + Format.won(context.policy.maxCharge) + " a time, "
      + Format.won(context.policy.maxBalance) + " in all."
    canvas.put(limits, at: content.origin.offset(dx: 16, dy: 3), role: .dim, clippedTo: content)
    message?.render(
      in: Rect(x: content.minX - 1, y: content.minY + 4, width: content.width + 1, height: 1),
      on: &canvas)
    canvas.put("Ledger", at: content.origin.offset(dy: 6), role: .title, clippedTo: content)
    let ledger = content.rows(from: 7)
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
