import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server (its own socket) running one program, for end-to-end tests.
struct Tmux {
  let socket: String
  let session = "encore"

  /// Whether a `tmux` executable is on the PATH.
  static var isInstalled: Bool { executable != nil }

  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/tmux" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  init() {
    socket =
      "encore-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
  }

  /// Runs `tmux -L <socket> arguments…` and returns its standard output.
  ///
  /// Spawned by hand and reaped with `waitpid`: the tmux server that `new-session` forks
  /// inherits whatever `Process` uses to watch its child, so `Process` would wait forever.
  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    let executable = Self.executable ?? "/usr/bin/tmux"
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("tmux-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The tmux server outlives this call; holding another test's pipe open would keep
    // that test waiting for an end of file forever.
    _ = Self.closeFrom?(&actions, 3)
    let argv = ([executable, "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw SpawnFailed(code: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
  }

  private typealias AddCloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's
  /// Glibc module does not export: closes every descriptor from the one given up.
  private static let closeFrom: AddCloseFrom? = dlsym(
    nil, "posix_spawn_file_actions_addclosefrom_np"
  ).map { unsafeBitCast($0, to: AddCloseFrom.self) }

  struct SpawnFailed: Error {
    var code: Int32
  }

  func start(command: String, width: Int, height: Int, environment: [String: String]) throws {
    var arguments = ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(name)=\(value)"]
    }
    try run(arguments + [command])
  }

  func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

  func screen() throws -> String { try run(["capture-pane", "-t", session, "-p"]) }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the pane until it shows `text`; returns the screen, or throws after `timeout`.
  ///
  /// The wait is long because it only runs out on a failure: under the whole suite on a
  /// loaded two-core machine, the first screen once took more than 15 s to appear.
  @discardableResult
  func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    var last = ""
    while ContinuousClock.now < deadline {
      last = try screen()
      if last.contains(text) { return last }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TimedOut(text: text, screen: last)
  }

  /// Kills this private server and removes its socket file.
  func stop() {
    _ = try? run(["kill-server"])
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
  }

  struct TimedOut: Error, CustomStringConvertible {
    var text: String
    var screen: String
    var description: String { "“\(text)” did not appear. The screen was:\n\(screen)" }
  }
}
