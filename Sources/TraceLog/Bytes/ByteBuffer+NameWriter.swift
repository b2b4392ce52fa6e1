import Model

extension ByteBuffer: NameWriter {
  public mutating func write(_ piece: UnsafeBufferPointer<UInt8>) { append(bytesOf: piece) }
  public mutating func write(number: Int) { appendDecimal(number) }
}
