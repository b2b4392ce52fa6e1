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
  /// string: a frame of a large model draws hundreds of values. The digits are
  /// `ValueFormat.writeFixed`'s; what that leaves to printf (2^33 and more) goes
  /// through `signed`.
  @discardableResult
  static func withSigned<R>(_ v: Float, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
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

  /// Writes `signed(v)` right-aligned at the end of `buffer` (32 bytes) and returns its
  /// length; nil where printf does the digits.
  private static func signedDigits(_ v: Float, into buffer: UnsafeMutableRawBufferPointer)
    -> Int?
  {
    if v.isNaN || v.isInfinite {
      let text: StaticString = v.isNaN ? " nan" : v < 0 ? "-inf" : " inf"
      let start = buffer.count - 4
      for k in 0..<4 { buffer[start + k] = text.utf8Start[k] }
      return 4
    }
    guard let length = ValueFormat.writeFixed(v, precision: 4, endingAt: buffer) else {
      return nil
    }
    if v.sign == .minus { return length }
    // The space a minus sign would take.
    buffer[buffer.count - length - 1] = UInt8(ascii: " ")
    return length + 1
  }
}
