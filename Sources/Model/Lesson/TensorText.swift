import Foundation

/// How narrative text writes a tensor: one number plainly, a row or a column as a
/// list, a matrix as a list of rows; always with a fixed number of decimals, as PyTorch
/// prints them (`-0.0000` keeps its sign).
public enum TensorText {
  public static func format(_ tensor: Tensor, decimals: Int = 4) -> String {
    let numbers = tensor.scalars.map { String(format: "%.\(decimals)f", Double($0)) }
    if numbers.count == 1 { return numbers[0] }
    if tensor.rows == 1 || tensor.columns == 1 {
      return "[" + numbers.joined(separator: ", ") + "]"
    }
    let c = tensor.columns
    let rows = stride(from: 0, to: numbers.count, by: c).map {
      "[" + numbers[$0..<$0 + c].joined(separator: ", ") + "]"
    }
    return "[" + rows.joined(separator: ", ") + "]"
  }
}
