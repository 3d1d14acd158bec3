/// A grid of cells that screens draw into; the terminal then shows it.
///
/// Writes outside the canvas (or outside a clip rectangle) are dropped, never a crash.
/// For example:
/// ```swift
/// var canvas = Canvas(size: Size(20, 3))
/// canvas.put("알리스 1,284", at: Point(1, 1), role: .accent)
/// canvas.lines  // ["", " 알리스 1,284", ""]
/// ```
public struct Canvas: Hashable, Sendable {
  /// Columns and rows.
  public let size: Size
  private var cells: [Cell]

  /// Creates a blank canvas.
  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: .blank, count: size.width * size.height)
  }

  /// The whole canvas as a rectangle at the origin.
  public var bounds: Rect { Rect(size: size) }

  /// The cell at `point`, or `nil` outside the canvas.
  public func cell(at point: Point) -> Cell? {
    guard bounds.contains(point) else { return nil }
    return cells[index(point)]
  }

  /// The role at `point`, or `nil` outside the canvas.
  public func role(at point: Point) -> Role? {
    cell(at: point)?.role
  }

  /// Writes `text` from `point` rightwards and returns the column after the last one written
  /// to (as if nothing were clipped).
  ///
  /// A wide character takes two cells; one that would be cut by the right edge of the clip
  /// becomes a space. Zero-width characters are skipped. Nothing wraps.
  @discardableResult
  public mutating func put(
    _ text: String, at point: Point, role: Role = .normal, clippedTo clip: Rect? = nil
  )
    -> Int
  {
    let area = clip.map { $0.intersection(bounds) } ?? bounds
    var x = point.x
    guard area.minY <= point.y, point.y < area.maxY else {
      return x + TextWidth.width(of: text)
    }
    for character in text {
      let width = TextWidth.width(of: character)
      guard width > 0 else { continue }
      defer { x += width }
      if x >= area.maxX || x + width <= area.minX { continue }
      if width == 2 && (x < area.minX || x + 1 >= area.maxX) {
        // Half of a wide character would be outside: show a space in the visible half.
        let visible = x < area.minX ? x + 1 : x
        set(Cell(" ", role: role), at: Point(visible, point.y))
        continue
      }
      set(Cell(character, role: role), at: Point(x, point.y))
      if width == 2 {
        set(Cell(" ", role: role, isContinuation: true), at: Point(x + 1, point.y))
      }
    }
    return x
  }

  /// Fills `rect` with `character` in `role`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", role: Role = .normal) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let width = max(1, TextWidth.width(of: character))
    let line = String(repeating: String(character), count: (area.width + width - 1) / width)
    for y in area.minY..<area.maxY {
      put(line, at: Point(area.minX, y), role: role, clippedTo: area)
    }
  }

  /// Changes the role of every cell in `rect`, keeping the characters.
  public mutating func setRole(_ role: Role, in rect: Rect) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.minY..<area.maxY {
      for x in area.minX..<area.maxX {
        cells[index(Point(x, y))].role = role
      }
    }
  }

  /// Each row as text: wide characters once, continuation cells skipped, trailing spaces trimmed.
  public var lines: [String] {
    (0..<size.height).map { y in
      var line = ""
      for x in 0..<size.width {
        let cell = cells[y * size.width + x]
        if !cell.isContinuation { line.append(cell.character) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// All rows joined by newlines.
  public var text: String { lines.joined(separator: "\n") }

  // MARK: - Private

  private func index(_ point: Point) -> Int {
    point.y * size.width + point.x
  }

  /// Stores a cell, blanking the other half of any wide character it breaks.
  private mutating func set(_ cell: Cell, at point: Point) {
    guard bounds.contains(point) else { return }
    let i = index(point)
    let old = cells[i]
    if old.isContinuation && !cell.isContinuation && point.x > 0 {
      cells[i - 1] = Cell(" ", role: cells[i - 1].role)
    }
    if !old.isContinuation && point.x + 1 < size.width && cells[i + 1].isContinuation {
      cells[i + 1] = Cell(" ", role: cells[i + 1].role)
    }
    cells[i] = cell
  }
}
