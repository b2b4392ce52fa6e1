import Testing

@testable import Model
@testable import TraceLog

/// The JSON float writer must match `Float.description` byte for byte: fixtures and
/// logs written before it were made with `description`.
@Suite struct ShortestFloatTests {
  static func written(_ value: Float) -> String {
    var buffer = ByteBuffer()
    buffer.appendJSON(value)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  static func mismatches(_ values: some Sequence<Float>) -> [String] {
    var found: [String] = []
    for value in values where value.isFinite {
      let got = written(value)
      if got != value.description {
        found.append("bits \(value.bitPattern): wrote \(got), description \(value.description)")
        if found.count >= 10 { break }
      }
    }
    return found
  }

  @Test(arguments: [
    (Float(1), "1.0"), (3, "3.0"), (-0.0, "-0.0"), (0, "0.0"), (0.5, "0.5"),
    (-0.70564395, "-0.70564395"), (0.0001, "0.0001"), (0.00001, "1e-05"),
    (0.000015, "1.5e-05"), (16_777_216, "16777216.0"), (16_777_218, "1.6777218e+07"),
    (1e7, "10000000.0"), (123.25, "123.25"), (Float.greatestFiniteMagnitude, "3.4028235e+38"),
    (Float.leastNonzeroMagnitude, "1e-45"), (-Float.leastNormalMagnitude, "-1.1754944e-38"),
    (0.1, "0.1"), (1.0e-3, "0.001"),
  ])
  func handWrittenForms(value: Float, expected: String) {
    #expect(Self.written(value) == expected)
  }

  @Test func nonFiniteValuesAreNull() {
    #expect(Self.written(.infinity) == "null")
    #expect(Self.written(-.infinity) == "null")
    #expect(Self.written(.nan) == "null")
  }

  /// A spread over all 2^32 patterns (`Profile floats check` in Benchmarks checks every
  /// one, in a release build); a prime stride visits every exponent and many mantissa
  /// endings while keeping a debug test run short.
  @Test func everyNineThousandNineHundredSeventyThirdBitPatternMatchesDescription() {
    let values = stride(from: UInt64(0), to: 1 << 32, by: 9973).map {
      Float(bitPattern: UInt32($0))
    }
    #expect(Self.mismatches(values) == [])
  }

  @Test func edgeCasesMatchDescription() {
    var values: [Float] = [
      .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
      Float(bitPattern: 0x007F_FFFF), .ulpOfOne, 1 + .ulpOfOne, 1 - .ulpOfOne / 2,
    ]
    // Subnormals: the first and last thousand, and powers of two.
    values += (1...1000).map { Float(bitPattern: $0) }
    values += (0x007F_FC18...0x007F_FFFF).map { Float(bitPattern: UInt32($0)) }
    // Powers of two and their neighbours (the gap below a power of two is half).
    for exponent in -149...127 {
      let power = Float(sign: .plus, exponent: exponent, significand: 1)
      values += [power, power.nextUp, power.nextDown]
    }
    // Powers of ten and their neighbours, and around the switch to exponent form.
    var power: Float = 1
    for _ in 0...38 {
      values += [power, power.nextUp, power.nextDown]
      power *= 10
    }
    for exponent in -45...0 {
      let tenth = Float("1e\(exponent)")!
      values += [tenth, tenth.nextUp, tenth.nextDown]
    }
    var near24 = Float(16_777_216)
    for _ in 0..<50 { near24 = near24.nextDown }
    for _ in 0..<100 {
      values.append(near24)
      near24 = near24.nextUp
    }
    values += values.map { -$0 }
    #expect(Self.mismatches(values) == [])
  }

  /// Integers below 2^24 skip the interval search, and short exact decimals are the
  /// ones whose digits end in zeros before they are trimmed.
  @Test func integersAndShortDecimalsMatchDescription() {
    var values = (0...20_000).map { Float($0) }
    values += (0...20_000).map { Float($0) / 1000 }
    values += (0...20_000).map { Float($0) / 1024 }
    values += (0...4096).map { Float(16_777_216 - $0) }
    values += (1...200).map { Float(16_777_216 + 2 * $0) }
    for exponent in 0...23 {
      let power = Float(sign: .plus, exponent: exponent, significand: 1)
      values += [power * 3, power * 5, power * 7, power * 10, power * 1000]
    }
    values += values.map { -$0 }
    #expect(Self.mismatches(values) == [])
  }

  /// The per-exponent tables are Dragonbox's logarithm arithmetic, tabled: each entry
  /// derived again from `pow10Significands` and the formulas.
  @Test func exponentTablesMatchTheirFormulas() {
    var wrong: [Int] = []
    for ieeeExponent in 1...254 {
      let exponent = ieeeExponent - 150
      let minusK = ((exponent * 315_653) >> 20) - 1
      let beta = exponent + (((-minusK) * 1_741_647) >> 19)
      let cache = ShortestFloat.pow10Significands[31 - minusK]
      let deltai = Int(cache >> (63 - beta))
      let info = Int(ShortestFloat.infoByExponent[ieeeExponent])
      if ShortestFloat.cacheByExponent[ieeeExponent] != cache || info & 0xFF != beta
        || info >> 8 & 0xFF != deltai || info >> 16 & 0xFF != minusK + 1 + 128
        || info >> 24 != deltai / 2 - 5
      {
        wrong.append(ieeeExponent)
      }
    }
    #expect(wrong == [])
  }

  /// The digits' text, from the table of three-digit texts: eight digits with leading
  /// zeros, for numbers spread over 0 ..< 10^8 and where a piece rolls over, and the
  /// trailing zeros of the last three.
  @Test func digitTextMatchesPaddedDecimals() {
    var values = Array(stride(from: UInt32(0), to: 100_000_000, by: 9973))
    values += [0, 1, 9, 10, 999, 1000, 999_999, 1_000_000, 10_000_000, 99_999_999]
    let wrong = values.filter { n in
      let text = ShortestFloat.digitText(n)
      let bytes = (0..<8).map { UInt8(truncatingIfNeeded: text >> (8 * $0)) }
      let decimal = String(n)
      return bytes != Array((String(repeating: "0", count: 8 - decimal.count) + decimal).utf8)
    }
    #expect(wrong == [])
    // And the trailing zeros of the last three digits, from the same table (3 for 000).
    let wrongZeros = values.filter { $0 < 42_949_672 }.filter { n in
      let lastThree = n % 1000
      var zeros = lastThree == 0 ? 3 : 0
      var rest = lastThree
      while rest > 0 && rest % 10 == 0 {
        zeros += 1
        rest /= 10
      }
      return ShortestFloat.digitText(n * 100, n).zeros != zeros
    }
    #expect(wrongZeros == [])
  }

  /// The digit count comes from the bit length and one addition; checked where either
  /// can change, at every power of two and of ten.
  @Test func decimalLengthAtEveryBoundary() {
    var values: [UInt32] = [1, 9, UInt32.max]
    for j in 1...31 { values += [(1 << j) - 1, 1 << j, (1 << j) + 1] }
    var power: UInt32 = 10
    for _ in 1...9 {
      values += [power - 1, power, power + 1]
      power = power &* 10
    }
    let wrong = values.filter { ShortestFloat.decimalLength($0) != String($0).count }
    #expect(wrong == [])
  }
}
