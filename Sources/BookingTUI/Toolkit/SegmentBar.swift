/// A one-line bar split in parts of a whole, each with its own glyph and role, so the
/// parts read apart without colour: `██████▒▒░░░░░░`.
///
/// For example:
/// ```swift
/// SegmentBar(segments: [.init(30, "█", .seatSold), .init(10, "▒", .seatHeld), .init(60, "░", .seatFree)])
///   .render(in: Rect(x: 0, y: 0, width: 10, height: 1), on: &canvas)
/// // ███▒░░░░░░
/// ```
public struct SegmentBar: Widget, Sendable {
  /// One part: how much of the whole, drawn with which glyph and role.
  public struct Segment: Sendable {
    public var amount: Int
    public var glyph: Character
    public var role: Role

    public init(_ amount: Int, _ glyph: Character, _ role: Role) {
      self.amount = amount
      self.glyph = glyph
      self.role = role
    }
  }

  public var segments: [Segment]

  public init(segments: [Segment]) {
    self.segments = segments
  }

  /// How many cells each segment gets out of `width`: rounded, but any non-zero part gets
  /// at least one cell, and the cells add up to `width`.
  public func widths(_ width: Int) -> [Int] {
    let total = segments.reduce(0) { $0 + max(0, $1.amount) }
    guard total > 0, width > 0 else { return segments.map { _ in 0 } }
    var cells = segments.map { segment -> Int in
      let amount = max(0, segment.amount)
      let share = Int((Double(amount) * Double(width) / Double(total)).rounded())
      return amount > 0 ? max(1, share) : 0
    }
    // Give or take the rounding from the largest part.
    while cells.reduce(0, +) != width,
      let largest = cells.indices.max(by: { cells[$0] < cells[$1] })
    {
      cells[largest] += cells.reduce(0, +) < width ? 1 : -1
    }
    return cells
  }

  public func render(in rect: Rect, on canvas: inout Canvas) {
    guard !rect.isEmpty else { return }
    let line = rect.row(0)
    var x = line.minX
    for (segment, width) in zip(segments, widths(line.width)) where width > 0 {
      canvas.put(
        String(repeating: String(segment.glyph), count: width), at: Point(x, line.minY),
        role: segment.role, clippedTo: line)
      x += width
    }
  }
}
