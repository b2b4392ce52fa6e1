import Model

/// Where a log's bytes come from, a chunk at a time: a file in the command, an array
/// in tests. The model layer reads no files itself.
public protocol ByteSource {
  /// Fills the start of `buffer` and returns how many bytes it wrote; 0 at the end.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes already in memory, handed out in chunks of at most `chunkSize` (small
/// chunks let tests cross every chunk boundary).
struct ByteArraySource: ByteSource {
  let bytes: [UInt8]
  private var offset = 0
  private let chunkSize: Int

  init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, chunkSize, bytes.count - offset)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}

/// Tests read windows of a log held in memory.
extension ByteArraySource: PositionalByteSource {
  func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let start = Int(min(offset, UInt64(bytes.count)))
    let n = min(buffer.count, bytes.count - start)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: n)
    }
    return n
  }
}
