#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output for the commands that print (`print`, `verify`, `lessons`, the
/// walkthrough in a pipe), written with write(2) so that every write is checked: a
/// full disk or a closed descriptor is a `CommandError` of kind `.output` (exit 74), never lost output
/// reported as success. A reader that closes the pipe still ends the process quietly
/// through SIGPIPE.
///
/// Bytes are gathered in a buffer and written 64 KiB at a time; `close()` writes the
/// rest and closes the descriptor, whose error (a full NFS disk) counts too.
enum StandardOutput {
  nonisolated(unsafe) private static var pending: [UInt8] = []
  private static let chunk = 1 << 16

  static func write(_ text: String) throws {
    pending.append(contentsOf: text.utf8)
    if pending.count >= chunk { try flush() }
  }

  /// One line of text, `\n` added.
  static func line(_ text: String) throws {
    try write(text + "\n")
  }

  static func flush() throws {
    defer { pending.removeAll(keepingCapacity: true) }
    try pending.withUnsafeBytes { (raw) throws in
      try writeAll(raw)
    }
  }

  /// Writes what is pending and closes standard output, reporting either failure.
  static func close() throws {
    try flush()
    // Anything written through stdio (the argument parser's help) goes first.
    if fflush(nil) != 0 { throw failure() }
    if Glibc.close(1) != 0 && errno != EINTR { throw failure() }
  }

  /// Writes `raw` to descriptor 1, retrying short writes.
  static func writeAll(_ raw: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < raw.count {
      let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      offset += n
    }
  }

  private static func failure() -> CommandError {
    CommandError(.output, "cannot write standard output: \(String(cString: strerror(errno)))")
  }

  /// Makes sure descriptors 0, 1 and 2 are open. A program started with one of them
  /// closed (`rnntrace print >&-`) would otherwise hand that number to the next file
  /// it opens, and write its output into a log or a lesson. Each closed one is taken
  /// by /dev/null opened the wrong way round, so that using it fails with EBADF as
  /// it would have: output to a closed standard output is an error, not a success.
  static func reserveStandardDescriptors() {
    for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
      let opened = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        Glibc.close(opened)
      }
    }
  }
}
