/// A float32 tensor of rank 1 or 2 with row-major storage, as PyTorch lays out a
/// contiguous CPU tensor.
///
/// The lesson only needs vectors and matrices, so the operations below are the few it
/// uses, each written so that its float32 rounding is the one documented beside it.
public struct Tensor: Equatable, Hashable, Sendable {
  /// The sizes of each dimension, outermost first (`[1, 4]` is one row of four).
  public let shape: [Int]
  /// The elements in row-major order: element `k` is element `k` of `flatten()`.
  public var scalars: [Float]

  /// A tensor of the given shape holding `scalars` in row-major order.
  public init(shape: [Int], scalars: [Float]) {
    precondition(
      shape.reduce(1, *) == scalars.count,
      "shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
    self.shape = shape
    self.scalars = scalars
  }

  /// A tensor of zeros.
  public init(zeros shape: [Int]) {
    self.init(shape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *)))
  }

  /// The number of rows of a matrix (1 for a vector, which PyTorch broadcasts as a row).
  public var rows: Int { shape.count == 2 ? shape[0] : 1 }
  /// The number of columns of a matrix, or the length of a vector.
  public var columns: Int { shape.last ?? 1 }
  /// The number of elements.
  public var count: Int { scalars.count }

  /// The element at `row`, `column` of a matrix (row 0 of a vector).
  public subscript(row: Int, column: Int) -> Float {
    scalars[row * columns + column]
  }

  /// The shape as the lesson writes it: `(1×4)`, or `(4)` for a vector.
  public var shapeDescription: String {
    "(" + shape.map(String.init).joined(separator: "×") + ")"
  }
}

extension Tensor {
  /// Row `index` of a matrix as a 1×columns matrix (what `weight[i].unsqueeze(0)` gives).
  public func row(_ index: Int) -> Tensor {
    let start = index * columns
    return Tensor(shape: [1, columns], scalars: Array(scalars[start..<start + columns]))
  }

  /// The transpose of a matrix (a vector is taken as one row).
  public func transposed() -> Tensor {
    let r = rows
    let c = columns
    var out = [Float](repeating: 0, count: r * c)
    for i in 0..<r {
      for j in 0..<c {
        out[j * r + i] = scalars[i * c + j]
      }
    }
    return Tensor(shape: [c, r], scalars: out)
  }

  /// The element-wise hyperbolic tangent, correctly rounded to float32 (see `Float.tanh`).
  public func tanh() -> Tensor {
    Tensor(shape: shape, scalars: scalars.map { Float.tanh($0) })
  }
}

extension Float {
  /// tanh evaluated in binary64 and rounded once to float32.
  ///
  /// PyTorch's vectorised CPU tanh matched this correctly rounded value wherever it could
  /// be isolated, while glibc's `tanhf` is often an ulp off: replaying the reference
  /// models one step from PyTorch's own h_{t-1} (Fixtures/reference), this form gave
  /// 172 of 253 states bit for bit (all but those behind long BLAS-summed products),
  /// `tanhf` 130.
  @inlinable static func tanh(_ x: Float) -> Float {
    #if canImport(Glibc)
      return Float(Glibc.tanh(Double(x)))
    #elseif canImport(Darwin)
      return Float(Darwin.tanh(Double(x)))
    #else
      let e = Float(exp(Double(2 * x)))
      return (e - 1) / (e + 1)
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
