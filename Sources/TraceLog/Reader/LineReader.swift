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
  /// How far a long unfinished line has been checked (`checkPartialLine`).
  private var checked = 0
  /// What a long header has said of its sizes so far.
  private var header = HeaderBudget()
  private var atEnd = false
  /// The number of the line last returned (0 before the first).
  private(set) var lineNumber = 0
  /// Where `buffer[0]` lies in the source, in bytes from its start.
  private var bufferOffset: UInt64 = 0
  /// Where the line last returned starts in the source, in bytes from its start.
  private(set) var lineOffset: UInt64 = 0
  /// Where the next line starts (at the end, the source's length).
  var nextLineOffset: UInt64 { bufferOffset + UInt64(start) }

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
        lineOffset = bufferOffset + UInt64(lineStart)
        start = newline + 1
        scanned = start
        defer { shrinkAfterLongLine() }
        return try buffer.withUnsafeBufferPointer { all in
          try body(UnsafeBufferPointer(rebasing: all[lineStart..<newline]), lineNumber)
        }
      }
      if end - start > maxBytes { throw tooLong(maxBytes) }
      if end - start >= chunkSize { try checkPartialLine() }
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

  /// A line longer than a chunk is looked at before more of it is read: every line
  /// of a log is a JSON object, which starts with `{` and holds no raw control
  /// character. Without this, `/dev/zero` (or any binary file without a newline)
  /// was read up to the header's 1 GiB limit before it was refused.
  private mutating func checkPartialLine() throws {
    let from = max(checked, start)
    let isHeader = lineNumber == 0
    var header = self.header
    defer { self.header = header }
    let bad = try buffer.withUnsafeBufferPointer { all throws -> Int? in
      var first = start < from ? UInt8(ascii: "{") : nil as UInt8?
      for i in from..<end {
        let byte = all[i]
        if isHeader { try header.scan(byte, at: i - start) }
        if first == nil && byte != 0x20 && byte != 0x09 && byte != 0x0D {
          first = byte
          if byte != UInt8(ascii: "{") { return i }
        }
        if byte < 0x20 && byte != 0x09 && byte != 0x0D { return i }
      }
      return nil
    }
    checked = end
    guard let bad else { return }
    let what =
      buffer[bad] < 0x20
      ? "a control byte (0x\(String(buffer[bad], radix: 16, uppercase: true)))"
      : "'\(UnicodeScalar(buffer[bad]))' where '{' belongs"
    throw TraceLogError(
      line: lineNumber + 1,
      "byte \(bad - start + 1) of this line is \(what), which a JSON line cannot hold: not a trace log"
    )
  }

  /// A long line (the header of a long text, megabytes of words) grew the buffer;
  /// the short lines after it need no more than a few chunks, so the rest is given
  /// back rather than held while the remaining events are read.
  private mutating func shrinkAfterLongLine() {
    let unread = end - start
    guard buffer.count > 4 * chunkSize, unread <= chunkSize else { return }
    var smaller = [UInt8](repeating: 0, count: 2 * chunkSize)
    smaller.withUnsafeMutableBytes { target in
      buffer.withUnsafeBytes { source in
        target.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: unread)
      }
    }
    buffer = smaller
    bufferOffset += UInt64(start)
    scanned -= start
    checked = max(0, checked - start)
    end = unread
    start = 0
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
      checked = max(0, checked - start)
      bufferOffset += UInt64(start)
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

/// Follows a long header line as it arrives, to refuse its `"parameters"` once they
/// are longer than the sizes it stated before them (`inputs`, `hidden`, and the
/// count of `vocabulary`) allow: a header that claims a small model cannot make the
/// reader hold a gigabyte. Only the top level is followed (keys, two numbers, the
/// vocabulary's items); the JSON itself is checked when the line is complete. A
/// header that gives its parameters before its sizes keeps the general limit.
struct HeaderBudget {
  private var depth = 0
  private var inString = false
  private var escaped = false
  /// The top-level key being read, or the one whose value is being read.
  private var key: [UInt8] = []
  private var readingKey = false
  private var number: Int?
  private var inputs: Int?
  private var hidden: Int?
  private var vocabulary: Int?
  /// Where the parameters' value started, and the most bytes it may take.
  private var parameters: (start: Int, budget: Int)?

  /// The widest value the writer prints (`-1.17549435e-38,`), and room for each
  /// tensor's name and shape; twice that for a header reformatted with spaces. The
  /// values: the embedding, the cell's weights, biases and h_0, and a prediction head's
  /// weight and bias (a log with a loss gives them too).
  static func budget(inputs d: Int, hidden h: Int, vocabulary v: Int) -> Int {
    let values = v * d + h * d + h * h + 3 * h + v * h + v
    return 2 * (16 * values + 8 * 128)
  }

  mutating func scan(_ byte: UInt8, at offset: Int) throws {
    if inString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
        if readingKey { readingKey = false }
      } else if readingKey && key.count < 16 {
        key.append(byte)
      }
      return
    }
    switch byte {
    case UInt8(ascii: "\""):
      inString = true
      if depth == 1 && number == nil && !isValue {
        readingKey = true
        key = []
      }
      if depth == 2 && key == Array("vocabulary".utf8) && isValue {
        vocabulary = (vocabulary ?? 0) + 1
      }
    case UInt8(ascii: ":") where depth == 1:
      isValue = true
      if key == Array("inputs".utf8) || key == Array("hidden".utf8) { number = 0 }
    case UInt8(ascii: "0")...UInt8(ascii: "9") where number != nil:
      number = min(number! * 10 + Int(byte - UInt8(ascii: "0")), 1 << 32)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      depth += 1
      if depth == 2 && key == Array("parameters".utf8), let inputs, let hidden, let vocabulary {
        parameters = (offset, Self.budget(inputs: inputs, hidden: hidden, vocabulary: vocabulary))
      }
    case UInt8(ascii: "}"), UInt8(ascii: "]"):
      depth -= 1
      if depth == 1 && key == Array("parameters".utf8) { parameters = nil }
    case UInt8(ascii: ",") where depth == 1:
      endValue()
    default:
      break
    }
    if let parameters, offset - parameters.start > parameters.budget {
      throw TraceLogError(
        line: 1,
        "\"parameters\" runs past \(parameters.budget) bytes, more than a model of \(vocabulary ?? 0) words, inputs \(inputs ?? 0) and hidden \(hidden ?? 0) needs; a trace log has no such header"
      )
    }
  }

  private var isValue = false

  private mutating func endValue() {
    if let number {
      if key == Array("inputs".utf8) { inputs = number }
      if key == Array("hidden".utf8) { hidden = number }
    }
    number = nil
    isValue = false
    key = []
  }
}
