#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an export goes: standard output, or a file that is replaced only when the
/// whole of it has been written.
///
/// A regular file is written under a temporary name in its own directory and renamed
/// over the target at `commit()`, so an error, Ctrl-C or SIGTERM midway leaves the
/// old file as it was and no half-written one. Devices and pipes (`/dev/null`, a
/// FIFO) are written in place, since renaming over them would replace the device.
final class OutputFile {
  /// What the user typed, for messages.
  let displayName: String
  private let fd: Int32
  private let temporaryPath: String?
  private let finalPath: String?
  /// The temporary file's lock (see `open`), released once it is in place.
  private let lock: Int32
  private var finished = false

  /// Opens `path` for writing (`nil` or `-` is standard output), checking first
  /// everything that can be checked, so a doomed export does no work.
  static func open(_ path: String?, option: String = "-o") throws -> OutputFile {
    guard let path, path != "-" else {
      return OutputFile(displayName: "standard output", fd: 1, temporaryPath: nil, finalPath: nil)
    }
    guard !path.isEmpty else {
      throw CommandError(
        .usage,
        "\(option) \"\": an empty file name; give a path such as trace.jsonl, or - for standard output"
      )
    }
    let directory = Self.directory(of: path)
    var info = stat()
    guard stat(directory, &info) == 0 else {
      throw CommandError(
        .usage,
        "\(option) \(path): the directory \(directory) does not exist; create it first or choose another path"
      )
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw CommandError(.usage, "\(option) \(path): \(directory) is not a directory")
    }
    var existing = stat()
    if stat(path, &existing) == 0 {
      let kind = existing.st_mode & S_IFMT
      if kind == S_IFDIR {
        throw CommandError(
          .usage,
          "\(option) \(path): is a directory; expected a file name such as \(path)/trace.jsonl")
      }
      if kind != S_IFREG {
        // A device or a pipe: write straight into it.
        let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
          throw CommandError(
            .usage, "\(option) \(path): cannot open for writing (\(Self.lastError()))")
        }
        return OutputFile(displayName: path, fd: fd, temporaryPath: nil, finalPath: nil)
      }
      // Mode bits rather than access(2): root may write anything, but a read-only
      // file says its owner wants it kept.
      if existing.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
        throw CommandError(
          .usage,
          "\(option) \(path): the file is read-only; make it writable or choose another path")
      }
    }
    if info.st_mode & 0o222 == 0 || access(directory, W_OK) != 0 {
      throw CommandError(
        .usage,
        "\(option) \(path): the directory \(directory) is not writable; choose another path")
    }
    let base = path.split(separator: "/").last.map(String.init) ?? path
    let prefix = ".\(base).rnntrace-"
    var fd: Int32 = -1
    var lock: Int32 = -1
    var temporary = ""
    // The temporary file is locked (flock) for as long as it is written, so that a
    // later export can tell one left by a killed process (`kill -9`, a power cut)
    // from one being written, and remove it. A file removed by such a cleanup in the
    // instant before it was locked is replaced by another.
    for _ in 0..<8 {
      var template = Array("\(directory)/\(prefix)XXXXXX".utf8CString)
      fd = mkstemp(&template)
      guard fd >= 0 else {
        throw CommandError(
          .usage,
          "\(option) \(path): cannot create a file in \(directory) (\(Self.lastError()))")
      }
      temporary = String(
        decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      // A second descriptor holds the lock until the file is renamed into place.
      lock = dup(fd)
      var info = stat()
      if lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0, fstat(fd, &info) == 0, info.st_nlink > 0 {
        break
      }
      if lock >= 0 { close(lock) }
      close(fd)
      fd = -1
    }
    guard fd >= 0 else {
      throw CommandError(.usage, "\(option) \(path): cannot create a file in \(directory)")
    }
    Self.removeAbandoned(in: directory, prefix: prefix, keeping: temporary)
    // mkstemp makes the file 0600; give it the mode a new file (or the old one) has.
    let mask = umask(0)
    umask(mask)
    let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~mask
    fchmod(fd, mode)
    TemporaryFiles.register(temporary)
    return OutputFile(
      displayName: path, fd: fd, temporaryPath: temporary, finalPath: path, lock: lock)
  }

  private init(
    displayName: String, fd: Int32, temporaryPath: String?, finalPath: String?, lock: Int32 = -1
  ) {
    self.displayName = displayName
    self.fd = fd
    self.temporaryPath = temporaryPath
    self.finalPath = finalPath
    self.lock = lock
  }

  /// Removes the temporary files of exports to the same target that no process
  /// holds any more: named `prefix` and six characters, and not locked.
  private static func removeAbandoned(in directory: String, prefix: String, keeping: String) {
    guard let stream = opendir(directory) else { return }
    defer { closedir(stream) }
    let length = prefix.utf8.count + 6
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.utf8.count == length, name.hasPrefix(prefix) else { continue }
      let path = "\(directory)/\(name)"
      guard path != keeping else { continue }
      let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      var held = stat()
      var named = stat()
      guard fstat(fd, &held) == 0, (held.st_mode & S_IFMT) == S_IFREG,
        flock(fd, LOCK_EX | LOCK_NB) == 0,
        lstat(path, &named) == 0, named.st_ino == held.st_ino, named.st_dev == held.st_dev
      else { continue }
      unlink(path)
    }
  }

  deinit {
    if !finished { discard() }
  }

  /// Appends bytes, retrying short writes.
  func write(_ raw: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < raw.count {
      let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw CommandError(.output, "cannot write \(displayName): \(Self.lastError())")
      }
      offset += n
    }
  }

  /// Makes the file appear under its name, complete.
  func commit() throws {
    finished = true
    guard let temporaryPath, let finalPath else {
      if fd > 2 { close(fd) }
      return
    }
    defer {
      TemporaryFiles.unregister()
      close(lock)
    }
    // No fsync before the rename: the rename is what makes the replacement whole or
    // nothing for an error, Ctrl-C or a kill, and waiting for the disk as well took
    // longer than computing and encoding a long trace (about 50 ms for 34 MB). A
    // power cut may lose a just-written file, as with most tools that write files.
    if close(fd) != 0 {
      let reason = Self.lastError()
      unlink(temporaryPath)
      throw CommandError(.output, "cannot write \(displayName): \(reason)")
    }
    if rename(temporaryPath, finalPath) != 0 {
      let reason = Self.lastError()
      unlink(temporaryPath)
      throw CommandError(.output, "cannot write \(displayName): \(reason)")
    }
  }

  /// Drops what was written; the target is left as it was.
  func discard() {
    finished = true
    guard let temporaryPath else { return }
    close(fd)
    unlink(temporaryPath)
    close(lock)
    TemporaryFiles.unregister()
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}

/// The temporary file being written, removed by a signal handler if the process is
/// interrupted before it is renamed into place.
enum TemporaryFiles {
  // A C string, since the signal handler may not touch Swift objects.
  nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
  /// What the signals did before, restored once the file is in place, so that a
  /// caller with its own handling (the player) gets it back.
  nonisolated(unsafe) private static var previous: [(Int32, sigaction)] = []
  nonisolated(unsafe) private static var previousMask = sigset_t()

  static func register(_ path: String) {
    pending = strdup(path)
    guard previous.isEmpty else { return }
    var handled = sigset_t()
    sigemptyset(&handled)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM] {
      var old = sigaction()
      sigaction(signal, nil, &old)
      // A signal the caller ignores (nohup's SIGHUP) stays ignored.
      if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }
      previous.append((signal, old))
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        if let path = TemporaryFiles.pending { unlink(path) }
        ProcessSignals.end(by: signal)
      }
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
      sigaddset(&handled, signal)
    }
    // A parent's threads may have left these signals blocked (a process started
    // from a worker thread inherits its mask); handled, they must get through.
    pthread_sigmask(SIG_UNBLOCK, &handled, &previousMask)
  }

  static func unregister() {
    let path = pending
    pending = nil
    free(path)
    for (signal, var action) in previous { sigaction(signal, &action, nil) }
    if !previous.isEmpty { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
    previous = []
  }
}
