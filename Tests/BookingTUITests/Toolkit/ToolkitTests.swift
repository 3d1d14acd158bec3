import Testing

/// Groups the toolkit's suites so that `swift test --filter Toolkit` runs them all.
@Suite enum Toolkit {}
