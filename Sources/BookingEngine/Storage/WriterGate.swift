import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The turn every Encore process takes before it writes to one database file: a
/// process-shared, robust mutex in a small file beside it (`encore.sqlite-lock`).
///
/// SQLite has no queue for its write lock: a writer that finds it taken naps and tries
/// again, so which process gets it next is luck, and one process can go on winning while
/// another waits.
/// Waiting on this mutex instead, a process is woken by the kernel the moment the one
/// before it commits, so turns pass round. It does not make the processes faster together:
/// each hand-over empties the new holder's page cache, whichever lock hands it over. A
/// process that dies holding it (SIGKILL) hands it on — the next taker is told and carries
/// on, as SQLite's own lock, released by the kernel, is already free.
///
/// Only Encore's writers use it; SQLite's lock stays the truth (another program's writes
/// are waited for as before). Where the file can't be made (a read-only folder), writers
/// go without it.
final class WriterGate: @unchecked Sendable {
  // The mapping is shared with other processes; the mutex inside serialises all access.
  private let page: UnsafeMutableRawPointer
  private var mutex: UnsafeMutablePointer<pthread_mutex_t> {
    (page + Self.mutexOffset).assumingMemoryBound(to: pthread_mutex_t.self)
  }

  private static let size = 4096
  private static let mutexOffset = 64
  /// "EncGate1": written once the mutex in the file is set up.
  private static let mark: UInt64 = 0x3165_7461_4763_6E45

  private init(page: UnsafeMutableRawPointer) { self.page = page }

  deinit { munmap(page, Self.size) }

  /// The gate of the database file at `path`, set up by whichever process comes first;
  /// nil where the file beside it can't be opened or mapped.
  static func beside(_ path: String) -> WriterGate? {
    let fd = open(path + "-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    // Setting up is serialised by an advisory lock that the kernel drops if we die here.
    guard flock(fd, LOCK_EX) == 0 else { return nil }
    defer { flock(fd, LOCK_UN) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return nil }
    if status.st_size < size {
      // New: as SQLite does for its -wal and -shm files, give it the database's permissions,
      // so that every user who may write the database may take the turn.
      var database = stat()
      if stat(path, &database) == 0 { fchmod(fd, database.st_mode & 0o777) }
      guard ftruncate(fd, off_t(size)) == 0 else { return nil }
    }
    guard let page = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
      page != MAP_FAILED
    else { return nil }
    let gate = WriterGate(page: page)
    if page.load(as: UInt64.self) != mark {
      guard gate.setUpMutex() else { return nil }
      page.storeBytes(of: mark, as: UInt64.self)
    }
    return gate
  }

  private func setUpMutex() -> Bool {
    var attributes = pthread_mutexattr_t()
    guard pthread_mutexattr_init(&attributes) == 0 else { return false }
    defer { pthread_mutexattr_destroy(&attributes) }
    return pthread_mutexattr_setpshared(&attributes, Int32(PTHREAD_PROCESS_SHARED)) == 0
      && pthread_mutexattr_setrobust(&attributes, Int32(PTHREAD_MUTEX_ROBUST)) == 0
      && pthread_mutex_init(mutex, &attributes) == 0
  }

  /// Runs `body` holding the gate, waiting for it at most `timeout` seconds.
  func withTurn<T>(timeout: TimeInterval, _ body: () throws -> T) throws -> T {
    var deadline = timespec()
    clock_gettime(CLOCK_REALTIME, &deadline)
    let nanos = Int(deadline.tv_nsec) + Int((timeout - timeout.rounded(.down)) * 1e9)
    deadline.tv_sec += Int(timeout) + nanos / 1_000_000_000
    deadline.tv_nsec = nanos % 1_000_000_000
    switch pthread_mutex_timedlock(mutex, &deadline) {
    case 0: break
    case EOWNERDEAD: pthread_mutex_consistent(mutex)
    case ETIMEDOUT: throw BookingError.databaseBusy
    case let code: throw BookingError.databaseUnavailable("the writers' turn failed (\(code))")
    }
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
