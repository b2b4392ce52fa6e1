import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a byte source into lines ended by `\n`, holding at most one line (and one
/// chunk past it) in memory, and refusing a line longer than the caller's limit as
/// soon as it has read that many bytes of it: a 100 MB line of garbage where a short
/// line belongs costs one bounded buffer and one error, never the whole line.
struct LineReader<Source: ByteSource> {
  private var source: Source
  private let chunkSize: Int
  private var buffer: [UInt8]
  /// The unread bytes are `buffer[start..<end]`; no `\n` lies in `start..<scanned`.
  private var start = 0
  private var end = 0
  private var scanned = 0
  private var atEnd = false
  /// The number of the line last returned (0 before the first).
  private(set) var lineNumber = 0

  init(source: Source, chunkSize: Int = 1 << 16) {
    self.source = source
    self.chunkSize = chunkSize
    self.buffer = [UInt8](repeating: 0, count: chunkSize)
  }

  /// Hands the next line, without its `\n`, to `body`; nil at the end of the file.
  /// A line longer than `maxBytes` is refused.
  mutating func nextLine<R>(
    maxBytes: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> R
  ) throws -> R? {
    while true {
      if let newline = findNewline() {
        if newline - start > maxBytes { throw tooLong(maxBytes) }
        lineNumber += 1
        let lineStart = start
        start = newline + 1
        scanned = start
        return try buffer.withUnsafeBufferPointer { all in
          try body(UnsafeBufferPointer(rebasing: all[lineStart..<newline]), lineNumber)
        }
      }
      if end - start > maxBytes { throw tooLong(maxBytes) }
      if atEnd {
        guard start == end else {
          throw TraceLogError(
            line: lineNumber + 1,
            "the file ends in the middle of this line (no newline after it): it was cut short")
        }
        return nil
      }
      try fill(maxBytes: maxBytes)
    }
  }

  private func tooLong(_ maxBytes: Int) -> TraceLogError {
    TraceLogError(
      line: lineNumber + 1,
      "longer than \(maxBytes) bytes, the most \(lineNumber == 0 ? "a header" : "an event") line "
        + "may hold; a trace log has no such line")
  }

  private mutating func findNewline() -> Int? {
    guard scanned < end else { return nil }
    let found = buffer.withUnsafeBytes { raw -> Int? in
      guard let hit = memchr(raw.baseAddress! + scanned, 0x0A, end - scanned) else { return nil }
      return raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
    }
    scanned = found ?? end
    return found
  }

  /// Reads one more chunk, moving the unread bytes to the front or growing the
  /// buffer (up to one line's limit plus a chunk) to make room.
  private mutating func fill(maxBytes: Int) throws {
    if start > 0 && end + chunkSize > buffer.count {
      let unread = end - start
      buffer.withUnsafeMutableBytes { raw in
        _ = memmove(raw.baseAddress!, raw.baseAddress! + start, unread)
      }
      scanned -= start
      end = unread
      start = 0
    }
    if end + chunkSize > buffer.count {
      let grown = min(max(buffer.count * 2, end + chunkSize), maxBytes + 1 + chunkSize)
      var larger = [UInt8](repeating: 0, count: grown)
      larger.withUnsafeMutableBytes { target in
        buffer.withUnsafeBytes { source in
          target.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: end)
        }
      }
      buffer = larger
    }
    let room = min(chunkSize, buffer.count - end)
    let n = try buffer.withUnsafeMutableBytes { raw in
      try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end..<end + room]))
    }
    if n == 0 {
      atEnd = true
    } else {
      end += n
    }
  }
}
