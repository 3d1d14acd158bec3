import Foundation
import Testing

/// The screens the README shows are the goldens as they are, not as they once were.
@Suite struct ReadmeScreensTests {
  @Test func everyScreenInTheReadmeIsAGoldenAsRecorded() throws {
    let screens = URL(fileURLWithPath: goldenDirectory)
    let readme = try String(
      contentsOf: screens.deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    let goldens = try FileManager.default.contentsOfDirectory(atPath: goldenDirectory)
      .filter { $0.hasSuffix(".txt") }
      .map { try String(contentsOf: screens.appendingPathComponent($0), encoding: .utf8) }
    // A screen is a fenced block whose first line is the app's title bar.
    let blocks = readme.components(separatedBy: "```\n").enumerated()
      .filter { $0.offset.isMultiple(of: 2) == false }.map(\.element)
      .filter { $0.hasPrefix(" Encore") }
    #expect(blocks.count >= 5, "the README shows the app's screens")
    for block in blocks {
      let title = block.prefix { $0 != "\n" }
      let recorded = goldens.contains(block)
      #expect(recorded, "README screen “\(title)” is no golden in screens/ as recorded")
    }
  }
}
