import Model

/// The text of the last list of values an encoder wrote: a hidden state repeats its
/// tanh's values bit for bit, and copying their text is cheaper than formatting it
/// again (the formatting is most of an export's time).
struct RepeatedValues {
  private var scalars: [Float] = []
  /// `[…]` as `ByteWriter.values` wrote it for `scalars`; empty before the first list.
  private var text = ByteBuffer(capacity: 256)

  /// The longest list remembered (a longer one is written and forgotten). The JSON
  /// Lines repeats are a hidden state's (h_t after tanh, dL/dz_t handed on by the sum):
  /// copying the text of every vocabulary-sized list on the chance that it repeats costs
  /// more than the repeats save. The Chrome encoder reads every hidden state back.
  private let remembered: Int

  init(remembering remembered: Int = .max) {
    self.remembered = remembered
  }

  /// Writes `values` as `ByteWriter.values` does, copying the text of the last list
  /// when it held the same bit patterns.
  mutating func write(_ values: [Float], to out: inout ByteWriter) {
    if !text.isEmpty && Self.sameBits(scalars, values) {
      text.withUnsafeBytes { out.bytes($0) }
      return
    }
    let start = out.position
    out.values(values)
    guard values.count <= remembered else {
      text.removeAll()
      return
    }
    scalars = values
    text.removeAll()
    text.append(bytesOf: UnsafeBufferPointer(start: start, count: out.position - start))
  }

  /// Calls `body` with the index and text of each element of the last list written
  /// (`null` for a non-finite value): the elements hold no commas, so the list splits
  /// on them.
  func forEachElement(_ body: (Int, UnsafeRawBufferPointer) -> Void) {
    text.withUnsafeBytes { list in
      guard list.count > 2 else { return }
      var index = 0
      var start = 1
      for position in 1..<list.count
      where list[position] == UInt8(ascii: ",") || position == list.count - 1 {
        body(index, UnsafeRawBufferPointer(rebasing: list[start..<position]))
        index += 1
        start = position + 1
      }
    }
  }

  /// Whether two lists hold the same float32 bit patterns (and so the same text).
  private static func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        for i in 0..<a.count where a[i].bitPattern != b[i].bitPattern { return false }
        return true
      }
    }
  }
}
