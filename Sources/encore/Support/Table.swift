import BookingTUI

/// Text laid out in aligned columns, measured in terminal cells (Hangul counts double).
///
/// For example:
///
/// ```swift
/// var table = Table(["ID", "PRICE"], rightAligned: [1])
/// table.add(["garden", Won.text(150_000)])
/// print(table.render())
/// ```
struct Table {
  var header: [String]
  var rightAligned: Set<Int>
  var rows: [[String]] = []

  init(_ header: [String], rightAligned: Set<Int> = []) {
    self.header = header
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The table as lines: header, then rows; columns two spaces apart.
  func render() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { TextWidth.width(of: $0.indices.contains(column) ? $0[column] : "") }.max() ?? 0
    }
    return all.map { row in
      header.indices.map { column in
        let text = row.indices.contains(column) ? row[column] : ""
        let padding = String(repeating: " ", count: widths[column] - TextWidth.width(of: text))
        let last = column == header.count - 1
        return rightAligned.contains(column) ? padding + text : (last ? text : text + padding)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
