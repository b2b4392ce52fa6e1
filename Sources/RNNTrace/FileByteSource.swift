import Model
import TraceLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read a chunk at a time with read(2), for the log reader.
final class FileByteSource: ByteSource {
  /// The path as the user gave it, or "standard input", for messages.
  let displayName: String
  private let fd: Int32

  /// Opens `path` for reading (`-` is standard input); an error names the file.
  init(path: String) throws {
    if path == "-" {
      displayName = "standard input"
      fd = 0
      return
    }
    displayName = path
    fd = try Self.openForReading(
      path, label: path, expected: "a trace log such as trace.jsonl")
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
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    while true {
      let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw CommandError(.data, "\(displayName): cannot read (\(OutputFile.lastError()))")
    }
  }
}
