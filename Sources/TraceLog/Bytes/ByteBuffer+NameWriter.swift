import Model

extension ByteBuffer: NameWriter {
  public mutating func write(_ piece: StaticString) {
    // Byte by byte: `append(_:)` of a byte and of a String are the API this relies on.
    for byte in UnsafeBufferPointer(start: piece.utf8Start, count: piece.utf8CodeUnitCount) {
      append(byte)
    }
  }
  public mutating func write(number: Int) { appendDecimal(number) }
}
