import Testing

@testable import Model
@testable import TraceLog

/// The log reader's float parser must round every number exactly as `Float(String)`
/// (strtof) does, and read every float32's shortest text back to its own bits.
@Suite struct DecimalFloatTests {
  static func parse(_ text: String) -> Float {
    var text = text
    return text.withUTF8 { DecimalFloat.parse($0) }
  }

  static func fast(_ text: String) -> Float? {
    var text = text
    return text.withUTF8 { DecimalFloat.fastParse($0) }
  }

  static func sameBits(_ a: Float, _ b: Float) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
  }

  @Test(arguments: [
    "0", "-0", "0.0", "-0.0", "1", "-1", "0.5", "1e5", "1E+5", "1e-05", "-0.70564395",
    "16777216", "16777217", "16777219", "3.4028235e+38", "3.4028236e38", "1e39", "-1e39",
    "1e-45", "1e-46", "1.4e-45", "7e-46", "0.000123456789012345678", "123456789012345",
    "1234567890123456", "0.1", "0.2", "0.3", "2.5e-22", "9.99999999999999e22", "1e23",
  ])
  func handPickedNumbersRoundAsStrtof(text: String) throws {
    let expected = try #require(Float(text))
    #expect(Self.sameBits(Self.parse(text), expected), "\(text)")
  }

  /// 16777217 is exactly halfway between two float32s: the fast path leaves it to
  /// strtof rather than trust a double that is already on the midpoint.
  @Test func aMidpointIsLeftToStrtof() {
    #expect(Self.fast("16777217") == nil)
    #expect(Self.fast("16777219") == nil)
    #expect(Self.fast("0.5") == 0.5)
    #expect(Self.fast("12345678901234567") == nil)  // more than 15 digits
    #expect(Self.fast("1e30") == nil)  // beyond 10^22
  }

  /// Every 9,973rd bit pattern: its shortest text (as the exporter writes it) reads
  /// back to the same bits. (`Profile floats parse` checks all 2^32 in a release build.)
  @Test func shortestTextsReadBackToTheirBits() {
    var mismatches: [String] = []
    for bits in stride(from: UInt64(0), to: 1 << 32, by: 9973) {
      let value = Float(bitPattern: UInt32(bits))
      guard value.isFinite else { continue }
      var buffer = ByteBuffer()
      buffer.appendJSON(value)
      let read = buffer.bytes.withUnsafeBufferPointer { DecimalFloat.parse($0) }
      if read.bitPattern != value.bitPattern { mismatches.append(value.description) }
    }
    #expect(mismatches.prefix(10) == [])
  }

  /// Random decimals of 1 to 17 digits with exponents from -50 to 50, from a fixed
  /// generator: the fast path and strtof agree on every one.
  @Test func randomDecimalsRoundAsStrtof() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    var mismatches: [String] = []
    var fastCount = 0
    for _ in 0..<200_000 {
      let digitCount = Int(next() % 17) + 1
      var digits = ""
      for _ in 0..<digitCount { digits += String(next() % 10) }
      let point = Int(next() % UInt64(digitCount + 1))
      var text = next() % 2 == 0 ? "" : "-"
      text += point == 0 ? "0" : String(digits.prefix(point))
      if point < digitCount { text += "." + digits.dropFirst(point) }
      if next() % 2 == 0 { text += "e" + String(Int(next() % 101) - 50) }
      guard let expected = Float(text) else { continue }
      if Self.fast(text) != nil { fastCount += 1 }
      if !Self.sameBits(Self.parse(text), expected) { mismatches.append(text) }
    }
    #expect(mismatches.prefix(10) == [])
    #expect(fastCount > 50_000)  // the fast path was taken, not only strtof
  }
}
