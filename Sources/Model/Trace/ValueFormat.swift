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
    return String(format: "%.\(precision)f", Double(value))
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
