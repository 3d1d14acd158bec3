import ArgumentParser

/// `--json`, for commands that can answer scripts.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object on standard output instead of a table.")
  var json = false
}
