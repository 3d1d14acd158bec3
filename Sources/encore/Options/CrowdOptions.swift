import ArgumentParser
import BookingEngine

/// How a crowd of synthetic buyers behaves: shared by `encore simulate` and the crowd
/// that `s` starts in `encore box-office`.
struct CrowdOptions: ParsableArguments {
  @Option(help: "Mean arrivals per second, e.g. 20 or 20/s.")
  var arrivalRate: PerSecond = PerSecond(20)

  @Option(help: "Share of waiters who give up and stop polling, e.g. 10%.")
  var abandon: Percent = Percent(10)

  @Option(help: "Share of admitted users who buy seats; the rest leave, e.g. 50%.")
  var buy: Percent = Percent(50)

  @Option(help: "Seconds an admitted user takes before holding seats.")
  var think: Double = 3

  @Option(help: "Seed of the crowd's random choices (the same seed, the same crowd).")
  var seed: UInt64 = 1

  func validate() throws {
    guard think >= 0 else { throw ValidationError("--think must be zero or more seconds.") }
  }

  /// A crowd of `users` on `concert` with these settings.
  func configuration(concert: ConcertID, users: Int) -> CrowdSimulation.Configuration {
    var configuration = CrowdSimulation.Configuration(concert: concert, users: users)
    configuration.arrivalsPerSecond = arrivalRate.value
    configuration.abandonShare = abandon.fraction
    configuration.buyShare = buy.fraction
    configuration.thinkTime = think
    configuration.seed = seed
    return configuration
  }

  /// A rate given as `20` or `20/s`.
  struct PerSecond: ExpressibleByArgument {
    var value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
      let number = argument.hasSuffix("/s") ? String(argument.dropLast(2)) : argument
      guard let value = Double(number), value > 0, value.isFinite else { return nil }
      self.value = value
    }
  }

  /// A share given as `10` or `10%`.
  struct Percent: ExpressibleByArgument {
    var fraction: Double

    init(_ percent: Double) { fraction = percent / 100 }

    init?(argument: String) {
      let number = argument.hasSuffix("%") ? String(argument.dropLast()) : argument
      guard let percent = Double(number), (0...100).contains(percent) else { return nil }
      fraction = percent / 100
    }
  }
}
