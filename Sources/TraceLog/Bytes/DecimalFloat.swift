import Model

/// Reads a JSON number as a float32 straight from its bytes, correctly rounded as
/// `Float(String)` (strtof) rounds it, but mostly without strtof, which would be a
/// quarter of verifying a log.
///
/// The fast path is Clinger's: a number with at most 15 significant digits w and a
/// power of ten 10^e with |e| ≤ 22 are both exact doubles, so w × 10^e (or w / 10^-e)
/// is the exact value rounded once, to double. Rounding that double to float32 is then
/// the correctly rounded float32 unless the double landed exactly on the midpoint
/// between two float32s (it cannot cross one: rounding is monotonic), which is checked
/// and handed to strtof. Everything else (more digits, larger exponents) goes to strtof
/// too. Every float32's shortest text reads back through here to its own bits:
/// `Profile floats parse` in Benchmarks checks all 2^32, in a release build.
public enum DecimalFloat {
  /// The float32 nearest the number whose JSON text is `token` (already checked against
  /// JSON's number grammar); infinite when it is beyond the float32 range.
  public static func parse(_ token: UnsafeBufferPointer<UInt8>) -> Float {
    if let fast = fastParse(token) { return fast }
    return Float(String(decoding: token, as: UTF8.self)) ?? .nan
  }

  static func fastParse(_ token: UnsafeBufferPointer<UInt8>) -> Float? {
    var i = 0
    let n = token.count
    let negative = n > 0 && token[0] == UInt8(ascii: "-")
    if negative { i = 1 }
    var significand: UInt64 = 0
    var digits = 0
    var exponent = 0
    // Integer part, then fraction: leading zeros add nothing to the significand.
    while i < n, let digit = digitValue(token[i]) {
      if significand != 0 || digit != 0 {
        significand = significand &* 10 &+ digit
        digits += 1
      }
      i += 1
    }
    if i < n && token[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, let digit = digitValue(token[i]) {
        if significand != 0 || digit != 0 {
          significand = significand &* 10 &+ digit
          digits += 1
        }
        exponent -= 1
        i += 1
      }
    }
    guard digits <= 15 else { return nil }
    if i < n && (token[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      var exponentNegative = false
      if i < n && (token[i] == UInt8(ascii: "+") || token[i] == UInt8(ascii: "-")) {
        exponentNegative = token[i] == UInt8(ascii: "-")
        i += 1
      }
      var written = 0
      while i < n, let digit = digitValue(token[i]) {
        guard written < 1000 else { return nil }
        written = written * 10 + Int(digit)
        i += 1
      }
      exponent += exponentNegative ? -written : written
    }
    guard i == n else { return nil }
    if significand == 0 { return negative ? -0.0 : 0.0 }
    guard exponent >= -22 && exponent <= 22 else { return nil }
    let exact = Double(significand)
    let rounded = exponent < 0 ? exact / powersOfTen[-exponent] : exact * powersOfTen[exponent]
    let single = Float(rounded)
    let back = Double(single)
    if rounded != back {
      // A double exactly halfway between two float32s was rounded to even, which may
      // not be the side the exact value is on.
      let neighbour = Double(rounded > back ? single.nextUp : single.nextDown)
      if rounded == (back + neighbour) * 0.5 { return nil }
    }
    return negative ? -single : single
  }

  @inline(__always)
  private static func digitValue(_ byte: UInt8) -> UInt64? {
    let value = byte &- UInt8(ascii: "0")
    return value < 10 ? UInt64(value) : nil
  }

  /// 10^0 … 10^22, each exact in a double.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]
}
