// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "Encore",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "encore", targets: ["encore"]),
    .library(name: "BookingEngine", targets: ["BookingEngine"]),
    .library(name: "BookingTUI", targets: ["BookingTUI"]),
  ],
  // Off by default: plain `swift build` and `swift test` never build postgres-nio.
  traits: [
    .trait(name: "PostgreSQL", description: "A PostgreSQL store beside the SQLite one.")
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .target(
      name: "BookingEngine",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(
          name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "BookingTUI",
      dependencies: ["BookingEngine"],
      swiftSettings: swiftSettings
    ),
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    .executableTarget(
      name: "encore",
      dependencies: [
        "BookingEngine",
        "BookingTUI",
        "CNcurses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      // Released, the Swift runtime and Foundation are linked in rather than loaded and
      // relocated at every start: a read command takes about a third less time.
      swiftSettings: swiftSettings + [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ],
      linkerSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    // Launched by the engine tests so that several OS processes race on one database file.
    .executableTarget(
      name: "booking-racer",
      dependencies: [
        "BookingEngine",
        // A client of its own, to hold a line's row lock when the test kills it.
        .product(
          name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
      ],
      path: "Sources/BookingRacer",
      swiftSettings: swiftSettings
    ),
    // Release-mode benchmarks: `swift run -c release encore-bench`.
    .executableTarget(
      name: "encore-bench",
      dependencies: [
        "BookingEngine",
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      path: "Sources/EncoreBench",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BookingEngineTests",
      // GRDB: a second connection that holds the write lock while the engine reads.
      dependencies: ["BookingEngine", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),
    // Runs the built `encore` executable as a subprocess.
    .testTarget(
      name: "EncoreCLITests",
      dependencies: ["BookingEngine", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BookingTUITests",
      dependencies: [
        "BookingTUI",
        "BookingEngine",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
