import Foundation
import Testing

@testable import Model

/// Values print as C's `%.Nf` prints them (PyTorch's own digits), checked against
/// Foundation's formatter, which calls the C library.
@Suite struct ValueFormatTests {
  static func printf(_ value: Float, _ precision: Int) -> String {
    String(format: "%.\(precision)f", Double(value))
  }

  @Test(arguments: 0...9)
  func randomValuesOfEveryMagnitude(precision: Int) {
    var generator = SystemRandomNumberGenerator()
    let format = ValueFormat(precision: precision)
    for _ in 0..<20_000 {
      // Any finite bit pattern below 2^34: subnormals, tiny values, the lesson's
      // range and values past where the exact path hands over to printf.
      let bits = UInt32.random(in: 0...0x5080_0000, using: &generator)
      let value = Float(bitPattern: bits | (Bool.random(using: &generator) ? 0x8000_0000 : 0))
      #expect(format.string(value) == Self.printf(value, precision), "\(value.bitPattern)")
    }
  }

  @Test func tiesRoundToEvenAsPrintfDoes() {
    let cases: [(Float, Int, String)] = [
      (0.5, 0, "0"), (1.5, 0, "2"), (2.5, 0, "2"), (-2.5, 0, "-2"), (0.125, 2, "0.12"),
      (0.375, 2, "0.38"), (-0.0, 4, "-0.0000"), (-0.00001, 4, "-0.0000"), (0, 0, "0"),
      (1.4288, 4, "1.4288"), (-0.7056, 4, "-0.7056"), (8_589_934_592, 1, "8589934592.0"),
      (Float.greatestFiniteMagnitude, 0, Self.printf(.greatestFiniteMagnitude, 0)),
      (Float.leastNonzeroMagnitude, 9, "0.000000000"),
    ]
    for (value, precision, expected) in cases {
      #expect(ValueFormat(precision: precision).string(value) == expected)
      #expect(Self.printf(value, precision) == expected)
    }
  }
}
