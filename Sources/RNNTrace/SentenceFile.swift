#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The words of `--sentence-file`, read a chunk at a time so that a text of any
/// length costs the same memory, and readable more than once (an export reads its
/// words three times: for the vocabulary, for the header, for the events).
///
/// A regular file is read in place, rewinding between passes. Standard input and
/// pipes, which cannot be rewound, are copied first into an unlinked temporary file.
final class SentenceFile {
  /// The path as given, or "standard input", for messages.
  let displayName: String
  private let fd: Int32

  /// The longest word, in UTF-8 bytes: more is not text but a mistake.
  static let maxWordBytes = 1 << 16
  static let chunkSize = 1 << 16

  init(path: String) throws {
    let option = "--sentence-file"
    var source: Int32 = 0
    if path == "-" {
      displayName = "standard input"
    } else {
      displayName = path
      source = try FileByteSource.openForReading(
        path, label: "\(option) \(path)", expected: "a text file of words")
    }
    if lseek(source, 0, SEEK_SET) == 0 {
      fd = source
      return
    }
    // Not seekable: spool it.
    defer { if source > 2 { close(source) } }
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(directory)/rnntrace-words-XXXXXX".utf8CString)
    let spool = mkstemp(&template)
    guard spool >= 0 else {
      throw CommandError(
        .usage,
        "\(option) \(path): cannot create a temporary copy in \(directory) (\(OutputFile.lastError()))"
      )
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    fd = spool
    var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    while true {
      let n = try Self.read(source, into: &chunk, name: displayName)
      if n == 0 { break }
      try chunk.withUnsafeBytes { raw in
        var offset = 0
        while offset < n {
          let written = write(spool, raw.baseAddress! + offset, n - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw CommandError(
              .usage,
              "\(option) \(path): cannot copy it to \(directory) (\(OutputFile.lastError()))")
          }
          offset += written
        }
      }
    }
  }

  deinit { close(fd) }

  /// Reads the file from the start, calling `body` with each word.
  func forEachWord(_ body: (String) throws -> Void) throws {
    guard lseek(fd, 0, SEEK_SET) == 0 else {
      throw CommandError(
        .data, "--sentence-file \(displayName): cannot rewind (\(OutputFile.lastError()))")
    }
    var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    var pending: [UInt8] = []
    var consumed = 0  // bytes of the file before `pending`
    var atStart = true
    while true {
      let n = try Self.read(fd, into: &chunk, name: displayName)
      let atEnd = n == 0
      pending.append(contentsOf: chunk[0..<n])
      // A byte-order mark (Windows editors write one) is not part of the first word.
      if atStart && (pending.count >= 3 || atEnd) {
        atStart = false
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
          pending.removeFirst(3)
          consumed = 3
        }
      }
      // Decode up to a character boundary; the tail (a word that may go on, or a
      // UTF-8 sequence cut by the chunk) waits for the next chunk.
      let cut = atEnd ? pending.count : Self.lastScalarBoundary(pending)
      guard let text = String(validating: pending[0..<cut], as: UTF8.self) else {
        let bad = consumed + Self.firstInvalidOffset(pending[0..<cut])
        throw CommandError(
          .data,
          "--sentence-file \(displayName): byte \(bad + 1) is not valid UTF-8; expected UTF-8 text")
      }
      var last: String?
      let inWord = try WordSplitter.split(text) { word in
        if let previous = last { try body(previous) }
        last = word
      }
      var carry: [UInt8] = []
      if let word = last {
        if inWord && !atEnd {
          carry = Array(word.utf8)
        } else {
          try body(word)
        }
      }
      carry.append(contentsOf: pending[cut...])
      if carry.count > Self.maxWordBytes {
        throw CommandError(
          .data,
          "--sentence-file \(displayName): a word near byte \(consumed + cut - carry.count + 1) is longer than \(Self.maxWordBytes) bytes; words are separated by white space"
        )
      }
      consumed += pending.count - carry.count
      pending = carry
      if atEnd { return }
    }
  }

  /// The last index of `bytes` that starts a UTF-8 sequence (so `bytes[..<i]` ends
  /// on a whole character), looking back no further than a sequence's length.
  private static func lastScalarBoundary(_ bytes: [UInt8]) -> Int {
    var i = bytes.count
    while i > 0 && bytes.count - i < 4 {
      i -= 1
      if bytes[i] & 0xC0 != 0x80 { return i }
    }
    return bytes.count
  }

  private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return offset
      case .error: return offset
      }
    }
  }

  private static func read(_ fd: Int32, into chunk: inout [UInt8], name: String) throws -> Int {
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw CommandError(.data, "--sentence-file \(name): cannot read (\(OutputFile.lastError()))")
    }
  }
}
