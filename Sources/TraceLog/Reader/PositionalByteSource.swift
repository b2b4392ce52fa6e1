import Model

/// A log's bytes read at any place: the file a long log is replayed from, a window at
/// a time, after one pass over it has indexed where each word's events lie.
public protocol PositionalByteSource: Sendable {
  /// Fills the start of `buffer` with the bytes from `offset` on and returns how many
  /// it wrote; fewer than asked only at the end of the source.
  func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
