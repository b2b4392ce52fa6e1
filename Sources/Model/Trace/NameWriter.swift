/// Where a name's pieces go: a String being built, or an encoder's bytes.
protocol NameWriter {
  mutating func write(_ piece: String)
  mutating func write(number: Int)
}

extension String: NameWriter {
  mutating func write(_ piece: String) { self += piece }
  mutating func write(number: Int) { self += String(number) }
}

extension ByteBuffer: NameWriter {
  mutating func write(_ piece: String) { append(piece) }
  mutating func write(number: Int) { appendDecimal(number) }
}
