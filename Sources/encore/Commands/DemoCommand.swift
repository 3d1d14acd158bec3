import ArgumentParser
import BookingEngine

/// `encore demo`: put the demo catalog in the database.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Seed the demo catalog, or wipe the database and seed it again.",
    discussion: """
      A new database gets the demo catalog by itself; --reset deletes every concert, \
      hold, payment, point and queue token first, for everyone using the file.

      Example:
        encore demo --reset --database ./scratch.sqlite
      """)

  @OptionGroup var options: GlobalOptions

  @Flag(name: .long, help: "Delete everything in the database first.")
  var reset = false

  func run() async throws {
    try await Runner.run(options, command: "demo", json: false) { session in
      if reset {
        try await session.engine.resetToDemoCatalog()
        session.jar.removeAll()
        session.logger.notice("reset the database to the demo catalog")
      }
      let concerts = try await session.engine.concerts()
      let verb = reset ? "Reset" : "Ready"
      Output.line("\(verb): \(session.databasePath) has \(concerts.count) concerts.")
      Output.note("Next: encore concerts")
    }
  }
}
