/// The arithmetic of the lesson, with a fixed float32 rounding order.
///
/// Every output element of a product is one dot product summed left to right,
/// starting from the first product (not from 0, so that -0.0 survives as in BLAS) and
/// rounding after each multiply and each add: no fused multiply-add. That is what
/// PyTorch's CPU gives for the lesson's 1.4288 (0x3FB6E3C1); BLAS kernels on other
/// sizes may sum in blocks, which moves the last bit or two, never the printed digits.
extension Tensor {
  /// The matrix product `self · other`, `(m×k)·(k×n) → (m×n)`.
  public func matmul(_ other: Tensor) -> Tensor {
    precondition(
      columns == other.rows,
      "cannot multiply \(shapeDescription) by \(other.shapeDescription)")
    let m = rows
    let k = columns
    let n = other.columns
    var out = [Float](repeating: 0, count: m * n)
    scalars.withUnsafeBufferPointer { a in
      other.scalars.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { c in
          for i in 0..<m {
            for j in 0..<n {
              c[i * n + j] = Tensor.dot(count: k, a + i * k, 1, b + j, n)
            }
          }
        }
      }
    }
    return Tensor(shape: [m, n], scalars: out)
  }

  /// `self · weightᵀ`, what `nn.Linear` computes before its bias: `(m×k)·(n×k)ᵀ → (m×n)`.
  ///
  /// For one row (the lesson's case) each output is summed in the order of MKL's
  /// matrix-vector kernel, which PyTorch reaches for `x @ W.T` (see `MKLGemv`); that order
  /// depends on the output's row of `weight` and on `storageOffset`. Several rows would go
  /// to MKL's matrix-matrix kernel, whose order is not modelled: they are summed left to
  /// right like `matmul`.
  public func matmulTransposed(_ weight: Tensor) -> Tensor {
    precondition(
      columns == weight.columns,
      "cannot multiply \(shapeDescription) by the transpose of \(weight.shapeDescription)")
    let m = rows
    let k = columns
    let n = weight.rows
    var out = [Float](repeating: 0, count: m * n)
    scalars.withUnsafeBufferPointer { a in
      weight.scalars.withUnsafeBufferPointer { w in
        out.withUnsafeMutableBufferPointer { c in
          if m == 1 {
            let gemv = MKLGemv(count: k, outputs: n, inputOffset: storageOffset)
            for j in 0..<n {
              c[j] = gemv.dot(output: j, w + j * k, a.baseAddress!)
            }
            return
          }
          for i in 0..<m {
            for j in 0..<n {
              c[i * n + j] = Tensor.dot(count: k, a + i * k, 1, w + j * k, 1)
            }
          }
        }
      }
    }
    return Tensor(shape: [m, n], scalars: out)
  }

  /// Element-wise sum; a vector on the right is broadcast over the rows (a bias).
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    if lhs.shape == rhs.shape {
      var out = lhs.scalars
      for i in out.indices { out[i] = out[i] + rhs.scalars[i] }
      return Tensor(shape: lhs.shape, scalars: out)
    }
    precondition(
      rhs.shape.count == 1 && rhs.shape[0] == lhs.columns,
      "cannot add \(rhs.shapeDescription) to \(lhs.shapeDescription)")
    var out = lhs.scalars
    let n = lhs.columns
    for i in out.indices { out[i] = out[i] + rhs.scalars[i % n] }
    return Tensor(shape: lhs.shape, scalars: out)
  }

  /// One output element: `a[0]·b[0] + a[1]·b[s] + …`, rounded after every operation.
  @inline(__always)
  static func dot(
    count: Int, _ a: UnsafePointer<Float>, _ aStride: Int, _ b: UnsafePointer<Float>,
    _ bStride: Int
  ) -> Float {
    guard count > 0 else { return 0 }
    var sum = a[0] * b[0]
    var k = 1
    while k < count {
      // Two statements so that the compiler cannot contract them into an fma.
      let product = a[k * aStride] * b[k * bStride]
      sum = sum + product
      k += 1
    }
    return sum
  }
}

extension UnsafeBufferPointer where Element == Float {
  fileprivate static func + (lhs: Self, rhs: Int) -> UnsafePointer<Float> {
    lhs.baseAddress! + rhs
  }
}
extension UnsafeMutableBufferPointer where Element == Float {
  fileprivate static func + (lhs: Self, rhs: Int) -> UnsafeMutablePointer<Float> {
    lhs.baseAddress! + rhs
  }
}
