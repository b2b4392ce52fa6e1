/// Bytes being encoded, appended to in place and handed to a sink in chunks, so that
/// an export of any length holds only one chunk in memory.
public struct ByteBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  public var count: Int { bytes.count }

  public mutating func append(_ byte: UInt8) { bytes.append(byte) }

  public mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
  }

  public mutating func append(contentsOf other: some Sequence<UInt8>) {
    bytes.append(contentsOf: other)
  }

  /// A whole number in decimal: `-12`, `0`, `4096`. Written digit by digit in place,
  /// without making a String first.
  public mutating func appendDecimal(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
    withUnsafeMutableBytes(of: &digits) { buffer in
      var start = buffer.count
      repeat {
        start -= 1
        buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
  }

  /// Appends again the bytes at `range` of what was already written (a value written
  /// twice is formatted once).
  public mutating func appendCopy(of range: Range<Int>) {
    bytes.append(contentsOf: Array(bytes[range]))
  }

  /// Empties the buffer, keeping its storage.
  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

extension ByteBuffer {
  /// A float32 in the shortest decimal that reads back to the same float32
  /// (`-0.70564395`, `1e-05`), byte for byte as `Float.description` writes it. Non-finite values have no JSON form and are written
  /// as `null`; the log reader refuses them.
  public mutating func appendJSON(_ value: Float) {
    if value.isFinite {
      var scratch: (UInt64, UInt64) = (0, 0)  // ShortestFloat.maxLength bytes
      withUnsafeMutableBytes(of: &scratch) { out in
        let count = ShortestFloat.write(value, into: out)
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: out[..<count]))
      }
    } else {
      append("null")
    }
  }

  /// A JSON string literal: quotes, backslashes and every control character escaped,
  /// so a word holding an escape sequence stays inert in the file.
  public mutating func appendJSON(_ string: String) {
    append(UInt8(ascii: "\""))
    // Most names and words need no escape: copy them whole.
    var string = string
    let copied = string.withUTF8 { utf8 in
      if utf8.contains(where: Self.needsEscape) { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if copied {
      append(UInt8(ascii: "\""))
      return
    }
    for unit in string.utf8 {
      switch unit {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0..<0x20, 0x7F:
        append("\\u00")
        append(Self.hexDigits[Int(unit >> 4)])
        append(Self.hexDigits[Int(unit & 0xF)])
      default: append(unit)
      }
    }
    append(UInt8(ascii: "\""))
  }

  /// `[1,4]`
  public mutating func appendJSON(shape: [Int]) {
    append(UInt8(ascii: "["))
    for (i, size) in shape.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendDecimal(size)
    }
    append(UInt8(ascii: "]"))
  }

  /// `[-0.70564395,0.67411864]`
  public mutating func appendJSON(values: [Float]) {
    append(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendJSON(value)
    }
    append(UInt8(ascii: "]"))
  }

  /// `["the","dog"]`
  public mutating func appendJSON(strings: [String]) {
    append(UInt8(ascii: "["))
    for (i, string) in strings.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendJSON(string)
    }
    append(UInt8(ascii: "]"))
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Whether a UTF-8 code unit must be escaped inside a JSON string literal.
  private static func needsEscape(_ unit: UInt8) -> Bool {
    unit < 0x20 || unit == 0x7F || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\")
  }
}
