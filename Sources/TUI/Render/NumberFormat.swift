import Model

/// Numbers as `rnntrace print` writes them (four decimals, as PyTorch prints), with a
/// space where a minus sign would be so that columns of values line up.
enum NumberFormat {
  private static let format = ValueFormat()

  /// `-0.1117`, `1.4288`, `nan`.
  static func value(_ v: Float) -> String { format.string(v) }

  /// ` 1.4288`, `-0.1117`.
  static func signed(_ v: Float) -> String {
    let text = value(v)
    return text.hasPrefix("-") ? text : " " + text
  }

  /// The columns `signed(v)` takes.
  static func signedWidth(_ v: Float) -> Int {
    // Below 9.5 the whole part is one digit however it rounds: ` 9.4999`, `-0.0000`.
    if abs(v) < 9.5 { return 7 }
    return withSigned(v) { $0.count }
  }

  /// Calls `body` with the bytes of `signed(v)` (printable ASCII), without making a
  /// string: a frame of a large model draws hundreds of values.
  ///
  /// The digits are `ValueFormat`'s own for four decimals, worked out the same way (the
  /// float's integer significand times 10^4, shifted right with round-half-to-even, as
  /// glibc's printf rounds); what that leaves to printf (2^33 and more) goes through
  /// `signed`. TUITests compare the two over a stride of every float.
  @discardableResult
  static func withSigned<R>(_ v: Float, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let length = withUnsafeMutableBytes(of: &bytes) { buffer -> Int in
      guard let count = signedDigits(v, into: buffer) else { return 0 }
      return count
    }
    guard length > 0 else {
      var text = signed(v)
      return text.withUTF8(body)
    }
    return withUnsafeBytes(of: &bytes) { buffer in
      let start = buffer.count - length
      return UnsafeRawBufferPointer(rebasing: buffer[start...]).withMemoryRebound(
        to: UInt8.self, body)
    }
  }

  /// Writes `signed(v)` right-aligned at the end of `buffer` (24 bytes) and returns its
  /// length; nil where printf does the digits.
  private static func signedDigits(_ v: Float, into buffer: UnsafeMutableRawBufferPointer)
    -> Int?
  {
    var i = buffer.count
    func write(_ byte: UInt8) {
      i -= 1
      buffer[i] = byte
    }
    if v.isNaN || v.isInfinite {
      for byte in (v.isNaN ? "nan" : "inf").utf8.reversed() { write(byte) }
      write(v.isInfinite && v < 0 ? UInt8(ascii: "-") : UInt8(ascii: " "))
      return buffer.count - i
    }
    let field = Int(v.exponentBitPattern)
    let m = UInt64(v.significandBitPattern) | (field == 0 ? 0 : 1 << 23)
    let e = field == 0 ? -149 : field - 150
    let n = m * 10_000
    var q: UInt64
    if e >= 0 {
      guard e <= 9 else { return nil }
      q = n << UInt64(e)
    } else if -e >= 64 {
      q = 0
    } else {
      let shift = UInt64(-e)
      q = n >> shift
      let remainder = n & ((1 << shift) - 1)
      let half: UInt64 = 1 << (shift - 1)
      if remainder > half || (remainder == half && q & 1 == 1) { q += 1 }
    }
    for _ in 0..<4 {
      write(UInt8(ascii: "0") + UInt8(q % 10))
      q /= 10
    }
    write(UInt8(ascii: "."))
    repeat {
      write(UInt8(ascii: "0") + UInt8(q % 10))
      q /= 10
    } while q > 0
    write(v.sign == .minus ? UInt8(ascii: "-") : UInt8(ascii: " "))
    return buffer.count - i
  }
}
