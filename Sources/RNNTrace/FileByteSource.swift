import Model
import TraceLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read a chunk at a time with read(2), for the log reader; and read again at
/// any offset with pread(2), for a replay's windows (`PositionalByteSource`).
final class FileByteSource: ByteSource, PositionalByteSource {
  /// The path as the user gave it, or "standard input", for messages.
  let displayName: String
  private let fd: Int32
  /// Where reading started in `fd` (standard input may be a file opened further on).
  private let base: UInt64
  /// For a pipe, which cannot be read twice: an unlinked temporary file that keeps
  /// each chunk as it is read, for the reads by offset.
  private let spool: Int32?

  /// Opens `path` for reading (`-` is standard input); an error names the file. With
  /// `rereadable`, a pipe's bytes are kept in a temporary file as they are read.
  init(path: String, rereadable: Bool = false) throws {
    if path == "-" {
      displayName = "standard input"
      fd = 0
    } else {
      displayName = path
      fd = try Self.openForReading(
        path, label: path, expected: "a trace log such as trace.jsonl")
    }
    var info = stat()
    let position = lseek(fd, 0, SEEK_CUR)
    if !rereadable || (fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && position >= 0)
    {
      base = UInt64(max(0, position))
      spool = nil
      return
    }
    base = 0
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(directory)/rnntrace-log-XXXXXX".utf8CString)
    let made = mkstemp(&template)
    guard made >= 0 else {
      throw CommandError(
        .input,
        "\(displayName): cannot create a temporary copy in \(directory) to replay it from (\(OutputFile.lastError()))"
      )
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    spool = made
  }

  /// Opens a regular file (or device) read-only; errors say `label: why`.
  static func openForReading(_ path: String, label: String, expected: String) throws -> Int32 {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw CommandError(.input, "\(label): cannot open (\(OutputFile.lastError()))")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw CommandError(.input, "\(label): is a directory; expected \(expected)")
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw CommandError(.input, "\(label): cannot open (\(OutputFile.lastError()))")
    }
    return fd
  }

  deinit {
    if fd > 2 { close(fd) }
    if let spool { close(spool) }
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    while true {
      let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if n >= 0 {
        if let spool { try keep(UnsafeRawBufferPointer(rebasing: buffer[..<n]), in: spool) }
        return n
      }
      if errno == EINTR { continue }
      throw CommandError(.data, "\(displayName): cannot read (\(OutputFile.lastError()))")
    }
  }

  func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let from = spool ?? fd
    while true {
      let n = pread(from, buffer.baseAddress, buffer.count, off_t(base + offset))
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw CommandError(.data, "\(displayName): cannot read (\(OutputFile.lastError()))")
    }
  }

  private func keep(_ bytes: UnsafeRawBufferPointer, in spool: Int32) throws {
    var offset = 0
    while offset < bytes.count {
      let written = write(spool, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw CommandError(
          .input,
          "\(displayName): cannot keep a temporary copy to replay it from (\(OutputFile.lastError()))"
        )
      }
      offset += written
    }
  }
}
