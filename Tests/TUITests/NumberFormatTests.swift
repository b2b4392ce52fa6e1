import Model
import Testing

@testable import TUI

/// The player writes a value's digits straight into the grid with its own copy of
/// `ValueFormat`'s arithmetic; these compare it with `ValueFormat` itself (through
/// `NumberFormat.signed`), which the print and export tests check against PyTorch.
@Suite struct NumberFormatTests {
  static func written(_ v: Float) -> String {
    NumberFormat.withSigned(v) { String(decoding: $0, as: UTF8.self) }
  }

  static func mismatches(_ values: [Float]) -> [String] {
    values.compactMap { v in
      let expected = NumberFormat.signed(v)
      let written = written(v)
      let width = NumberFormat.signedWidth(v)
      guard written == expected, width == expected.count else {
        return "\(v.bitPattern): \(written) (width \(width)), not \(expected)"
      }
      return nil
    }
  }

  @Test func examples() {
    #expect(Self.written(1.4288) == " 1.4288")
    #expect(Self.written(-0.1117) == "-0.1117")
    #expect(Self.written(-0.0) == "-0.0000")
    #expect(Self.written(-0.00001) == "-0.0000")
    #expect(Self.written(9.99996) == " 10.0000")
    #expect(Self.written(.nan) == " nan")
    #expect(Self.written(.infinity) == " inf")
    #expect(Self.written(-.infinity) == "-inf")
    #expect(Self.written(1e20) == NumberFormat.signed(1e20))
  }

  /// A prime stride over all 2^32 bit patterns visits every exponent, both signs and
  /// many mantissa endings.
  @Test func everyNineThousandNineHundredSeventyThirdBitPatternMatches() {
    let values = stride(from: UInt64(0), to: 1 << 32, by: 9973).map {
      Float(bitPattern: UInt32($0))
    }
    #expect(Self.mismatches(values) == [])
  }

  /// Where rounding carries into the whole part, and where the exact arithmetic hands
  /// over to printf.
  @Test func edgesMatch() {
    var values: [Float] = [
      .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .ulpOfOne,
      0.00005, 0.00015, 0.00025, 9.5, 9.49999, 9.99995, 99.99995,
    ]
    var power: Float = 1
    for _ in 0...38 {
      values += [power, power.nextUp, power.nextDown]
      power *= 10
    }
    for exponent in -20...40 {
      let two = Float(sign: .plus, exponent: exponent, significand: 1)
      values += [two, two.nextUp, two.nextDown]
    }
    // Halfway cases at the fourth decimal, and their neighbours.
    for k in stride(from: 1, to: 200_000, by: 7) {
      let half = (Float(k) + 0.5) / 10_000
      values += [half, half.nextUp, half.nextDown]
    }
    values += values.map { -$0 }
    #expect(Self.mismatches(values) == [])
  }
}
