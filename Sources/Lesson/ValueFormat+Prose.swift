import Model

extension ValueFormat {
  /// A tensor inside a sentence: `1.4288`, `[-0.4276, 0.1593]`, `[[1.3029, 0.2045],
  /// [0.9675, -0.6870]]`. The numbers are written as everywhere else; the alignment
  /// padding of `lines` is left out, since prose does not line up in columns.
  public func prose(_ tensor: Tensor) -> String {
    if tensor.count == 1 { return string(tensor.scalars[0]) }
    let numbers = tensor.scalars.map(string)
    if tensor.shape.count < 2 { return "[" + numbers.joined(separator: ", ") + "]" }
    let columns = tensor.columns
    let rows = stride(from: 0, to: numbers.count, by: columns).map {
      "[" + numbers[$0..<$0 + columns].joined(separator: ", ") + "]"
    }
    return "[" + rows.joined(separator: ", ") + "]"
  }
}
