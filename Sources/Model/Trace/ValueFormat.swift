import Foundation

/// Numbers as PyTorch prints them by default: fixed-point with 4 decimals, every
/// element of a tensor padded to the same width, so columns line up.
public struct ValueFormat: Sendable, Equatable {
  /// Digits after the decimal point.
  public var precision: Int

  public init(precision: Int = 4) {
    self.precision = precision
  }

  /// One value: `-0.7056`, `1.4288`.
  public func string(_ value: Float) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return Self.fixed(value, precision: precision)
      ?? String(format: "%.\(precision)f", Double(value))
  }

  /// What `%.Nf` prints for a float32, computed exactly with integers instead of going
  /// through Foundation's formatter (which was most of the cost of printing and of
  /// drawing the player's panels).
  ///
  /// A float32 is m·2^e with m < 2^24, so m·10^N fits in 64 bits for N ≤ 9; shifting
  /// right by -e with round-half-to-even, as glibc's printf rounds, gives the digits.
  /// Nil for a precision above 9 or a magnitude of 2^33 or more (printf does those).
  static func fixed(_ value: Float, precision: Int) -> String? {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &bytes) { buffer in
      guard let length = writeFixed(value, precision: precision, endingAt: buffer) else {
        return nil
      }
      return String(
        decoding: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - length)...]),
        as: UTF8.self)
    }
  }

  /// Writes what `%.Nf` prints for a finite `value` (as `fixed`) right-aligned at the end
  /// of `buffer` (32 bytes are always enough) and returns its length: the player draws
  /// values from these bytes without making a String. Nil where `fixed` is nil.
  public static func writeFixed(
    _ value: Float, precision: Int, endingAt buffer: UnsafeMutableRawBufferPointer
  ) -> Int? {
    guard (0...9).contains(precision) else { return nil }
    let field = Int(value.exponentBitPattern)
    let m = UInt64(value.significandBitPattern) | (field == 0 ? 0 : 1 << 23)
    let e = field == 0 ? -149 : field - 150
    var scale: UInt64 = 1
    for _ in 0..<precision { scale *= 10 }
    let n = m * scale  // below 2^24 · 10^9 < 2^54
    var q: UInt64
    if e >= 0 {
      guard e <= 9 else { return nil }
      q = n << UInt64(e)
    } else if -e >= 64 {
      q = 0  // n < 2^54, less than half of 2^64: rounds to zero
    } else {
      let shift = UInt64(-e)
      q = n >> shift
      let remainder = n & ((1 << shift) - 1)
      let half: UInt64 = 1 << (shift - 1)
      if remainder > half || (remainder == half && q & 1 == 1) { q += 1 }
    }
    // Digits from the right: the fraction (exactly `precision` of them), the point, the
    // whole part, the sign.
    var i = buffer.count
    for _ in 0..<precision {
      i -= 1
      buffer[i] = UInt8(ascii: "0") + UInt8(q % 10)
      q /= 10
    }
    if precision > 0 {
      i -= 1
      buffer[i] = UInt8(ascii: ".")
    }
    repeat {
      i -= 1
      buffer[i] = UInt8(ascii: "0") + UInt8(q % 10)
      q /= 10
    } while q > 0
    if value.sign == .minus {
      i -= 1
      buffer[i] = UInt8(ascii: "-")
    }
    return buffer.count - i
  }

  /// Values of one tensor, each right-aligned to the widest: `[-0.7056,  0.6741]`.
  public func strings(_ values: [Float]) -> [String] {
    let plain = values.map(string)
    let width = plain.map(\.count).max() ?? 0
    return plain.map { String(repeating: " ", count: width - $0.count) + $0 }
  }

  /// A tensor the way `print(tensor)` lays it out, one matrix row per line:
  /// `[[-0.7056,  0.6741],` / ` [ 0.9107, -0.5454]]`.
  public func lines(_ tensor: Tensor) -> [String] {
    let cells = strings(tensor.scalars)
    if tensor.shape.count < 2 {
      return ["[" + cells.joined(separator: ", ") + "]"]
    }
    let rows = tensor.rows
    let columns = tensor.columns
    return (0..<rows).map { r in
      let body = cells[r * columns..<(r + 1) * columns].joined(separator: ", ")
      let open = r == 0 ? "[[" : " ["
      let close = r == rows - 1 ? "]]" : "],"
      return open + body + close
    }
  }

  /// A tensor on one line: `[[-0.7056, 0.6741]]`, or `-0.1117` for a single value.
  public func inline(_ tensor: Tensor) -> String {
    if tensor.count == 1 { return string(tensor.scalars[0]) }
    return lines(tensor).joined(separator: " ")
  }
}
