import BookingEngine
import Foundation

/// The estimate's error over the whole grid of crowds, and what a simulated user costs.
struct EtaBenchmark {
  var users: [Int]
  var lines: [EtaGrid.Line]
  var shares: [Double]

  func run() async throws {
    print("ETA error over the grid (20 arrive/s, 40 % buy after 20 s; simulated time)")
    print(
      "  line            give up    users    median      p90   samples  admitted/s   sim s  checks/user   CPU µs/user"
    )
    for cell in EtaGrid.cells(users: users)
    where lines.contains(cell.line) && shares.contains(cell.abandonShare) {
      let cpu = cpuSeconds()
      let summary = try await EtaGrid.run(cell)
      let cpuPerUser = (cpuSeconds() - cpu) / Double(cell.users) * 1e6
      print(
        String(
          format: "  %-15@ %5.0f %%  %7d   %6.1f %%  %6.1f %%  %7d  %10.2f  %6.0f  %11.1f  %12.0f",
          cell.line.rawValue as NSString, cell.abandonShare * 100, cell.users,
          (summary.etaErrorMedian ?? .nan) * 100, (summary.etaErrorP90 ?? .nan) * 100,
          summary.etaSamples, summary.admittedPerSecond, summary.elapsed,
          Double(summary.polls) / Double(cell.users), cpuPerUser))
      precondition(summary.audit.seatsSoldTwice == 0, "a seat was sold twice")
      precondition(summary.lostPlaces == 0, "\(summary.lostPlaces) users lost their place")
    }
  }
}

/// CPU time this process has used, user and system.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
