import Foundation

/// Finds the built `encore` executable the tests launch.
enum EncoreBinary {
  struct Missing: Error, CustomStringConvertible {
    var looked: [String]
    var description: String {
      "The encore executable is not built (looked in \(looked.joined(separator: ", "))). "
        + "Build it first: swift build --product encore, or set ENCORE_BINARY."
    }
  }

  /// `$ENCORE_BINARY`, else `encore` next to the test bundle, else `.build/debug/encore`
  /// above this source file.
  static func url(filePath: String = #filePath) throws -> URL {
    var candidates: [URL] = []
    if let explicit = ProcessInfo.processInfo.environment["ENCORE_BINARY"] {
      candidates.append(URL(fileURLWithPath: explicit))
    }
    // Linux: .build/debug/EncorePackageTests.xctest; macOS: the binary inside the bundle.
    var bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(bundle.appendingPathComponent("encore"))
      bundle = bundle.deletingLastPathComponent()
    }
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      candidates.append(folder.appendingPathComponent(".build/debug/encore"))
      folder = folder.deletingLastPathComponent()
    }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }
    ) {
      return found
    }
    throw Missing(looked: candidates.prefix(3).map(\.path))
  }
}
