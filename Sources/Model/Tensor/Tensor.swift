/// A float32 tensor of rank 1 or 2 with row-major storage, as PyTorch lays out a
/// contiguous CPU tensor.
///
/// The lesson only needs vectors and matrices, so the operations below are the few it
/// uses, each written so that its float32 rounding is the one documented beside it.
public struct Tensor: Equatable, Hashable, Sendable {
  /// The sizes of each dimension, outermost first (`[1, 4]` is one row of four).
  public let shape: TensorShape
  /// The elements in row-major order: element `k` is element `k` of `flatten()`.
  public var scalars: [Float]
  /// Where the first element would sit in PyTorch's storage, in elements: 0 for a tensor of
  /// its own (PyTorch allocates those 64-byte aligned), `i·columns` for row `i` of a matrix.
  /// It is not part of the value (`==` ignores it), but MKL's `x·Wᵀ` sums in an order
  /// that depends on the address's alignment (see `MKLGemv`).
  public var storageOffset: Int = 0

  /// A tensor of the given shape holding `scalars` in row-major order.
  public init(shape: [Int], scalars: [Float]) {
    self.init(shape: TensorShape(shape), scalars: scalars)
  }

  /// A tensor of the given shape holding `scalars` in row-major order.
  public init(shape: TensorShape, scalars: [Float]) {
    precondition(
      shape.elementCount == scalars.count,
      "shape \(shape) needs \(shape.elementCount) scalars, got \(scalars.count)")
    self.shape = shape
    self.scalars = scalars
  }

  /// A tensor of zeros.
  public init(zeros shape: [Int]) {
    self.init(shape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *)))
  }

  /// The number of rows of a matrix (1 for a vector, which PyTorch broadcasts as a row).
  public var rows: Int { shape.isMatrix ? shape.outer : 1 }
  /// The number of columns of a matrix, or the length of a vector.
  public var columns: Int { shape.isMatrix ? shape.inner : shape.outer }
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

  public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(shape)
    hasher.combine(scalars)
  }
}

extension Tensor {
  /// Row `index` of a matrix as a 1×columns matrix (what `weight[i].unsqueeze(0)` gives,
  /// a view that starts `index·columns` elements into the matrix's storage).
  public func row(_ index: Int) -> Tensor {
    let start = index * columns
    var row = Tensor(
      shape: TensorShape(rows: 1, columns: columns),
      scalars: Array(scalars[start..<start + columns]))
    row.storageOffset = storageOffset + start
    return row
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
    return Tensor(shape: TensorShape(rows: c, columns: r), scalars: out)
  }

  /// The element-wise hyperbolic tangent, bit for bit as `torch.tanh` on `family`'s
  /// processors (see `TorchTanh`).
  public func tanh(family: KernelFamily = .amd) -> Tensor {
    // Into an array of the final size: `map` grows its result as it goes.
    var out = [Float].zeros(count)
    out.withUnsafeMutableBufferPointer { y in
      scalars.withUnsafeBufferPointer { x in
        let flips = TorchTanh.flips(family)
        for i in 0..<x.count { y[i] = TorchTanh.tanh(x[i], flips: flips) }
      }
    }
    return Tensor(shape: shape, scalars: out)
  }
}
