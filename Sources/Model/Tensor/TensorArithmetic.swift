/// The arithmetic of the lesson, with a fixed float32 rounding order.
///
/// Every output element of a product is one dot product summed left to right,
/// starting from the first product (not from 0, so that -0.0 survives as in BLAS) and
/// rounding after each multiply and each add: no fused multiply-add. That is what
/// PyTorch's CPU gives for the lesson's 1.4288 (0x3FB6E3C1); BLAS kernels on other
/// sizes may sum in blocks, which moves the last bit or two, never the printed digits.
extension Tensor {
  /// The matrix product `self · other`, `(m×k)·(k×n) → (m×n)`, summed as `family`'s
  /// kernels do (see `IntelAVX512Gemm` for `.intelAVX512`).
  public func matmul(_ other: Tensor, family: KernelFamily = .amd) -> Tensor {
    precondition(
      columns == other.rows,
      "cannot multiply \(shapeDescription) by \(other.shapeDescription)")
    let m = rows
    let k = columns
    let n = other.columns
    var out = [Float].zeros(m * n)
    scalars.withUnsafeBufferPointer { a in
      other.scalars.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { c in
          for i in 0..<m {
            switch family {
            case .amd:
              Tensor.rowTimesMatrix(count: k, columns: n, a + i * k, b.baseAddress!, c + i * n)
            case .intelAVX512:
              IntelAVX512Gemm.rowTimesMatrix(
                count: k, columns: n, a + i * k, b.baseAddress!, c + i * n)
            }
          }
        }
      }
    }
    return Tensor(shape: TensorShape(rows: m, columns: n), scalars: out)
  }

  /// `self · weightᵀ`, what `nn.Linear` computes before its bias: `(m×k)·(n×k)ᵀ → (m×n)`.
  ///
  /// For one row (the lesson's case) each output is summed in the order of MKL's
  /// matrix-vector kernel, which PyTorch reaches for `x @ W.T` (see `MKLGemv`); that order
  /// depends on the output's row of `weight` and on `storageOffset`. Several rows would go
  /// to MKL's matrix-matrix kernel, whose order is not modelled: they are summed left to
  /// right like `matmul`. With `.intelAVX512`, one row follows `IntelAVX512Gemv`.
  public func matmulTransposed(_ weight: Tensor, family: KernelFamily = .amd) -> Tensor {
    precondition(
      columns == weight.columns,
      "cannot multiply \(shapeDescription) by the transpose of \(weight.shapeDescription)")
    let m = rows
    let k = columns
    let n = weight.rows
    var out = [Float].zeros(m * n)
    scalars.withUnsafeBufferPointer { a in
      weight.scalars.withUnsafeBufferPointer { w in
        out.withUnsafeMutableBufferPointer { c in
          if m == 1, family == .intelAVX512 {
            for j in 0..<n {
              c[j] = IntelAVX512Gemv.dot(
                output: j, outputs: n, count: k, w + j * k, a.baseAddress!)
            }
            return
          }
          if m == 1 {
            let gemv = MKLGemv(count: k, outputs: n, inputOffset: storageOffset)
            for j in 0..<n {
              c[j] = gemv.dot(output: j, w + j * k, a.baseAddress!)
            }
            return
          }
          for i in 0..<m {
            Tensor.rowTimesTransposed(count: k, rows: n, a + i * k, w.baseAddress!, c + i * n)
          }
        }
      }
    }
    return Tensor(shape: TensorShape(rows: m, columns: n), scalars: out)
  }

  /// Element-wise sum; a vector on the right is broadcast over the rows (a bias).
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    let n = lhs.columns
    if lhs.shape != rhs.shape {
      precondition(
        !rhs.shape.isMatrix && rhs.shape.outer == n,
        "cannot add \(rhs.shapeDescription) to \(lhs.shapeDescription)")
    }
    // Same shape or a broadcast row: either way, element j of each row of `lhs` meets
    // element j of the matching row of `rhs`, or of its only row. The sum goes into a
    // new array rather than a copy of `lhs.scalars`, which would be copied on write.
    let rhsRowStride = lhs.shape == rhs.shape ? n : 0
    var out = [Float].zeros(lhs.count)
    out.withUnsafeMutableBufferPointer { c in
      lhs.scalars.withUnsafeBufferPointer { a in
        rhs.scalars.withUnsafeBufferPointer { b in
          for i in 0..<lhs.rows {
            for j in 0..<n { c[i * n + j] = a[i * n + j] + b[i * rhsRowStride + j] }
          }
        }
      }
    }
    return Tensor(shape: lhs.shape, scalars: out)
  }

  /// Row `a` times the `k×n` matrix `b` into `c`: `c[j] = a[0]·b[0][j] + a[1]·b[1][j] + …`.
  /// Each `c[j]` is still one sum taken left to right; the loop runs over `k` outside
  /// so that the `n` sums advance side by side instead of one after another, sixteen of
  /// them in registers at a time (a long `k`, the prediction head's dL/dy_t·head.weight,
  /// would otherwise store and reload every partial sum).
  @inline(__always)
  static func rowTimesMatrix(
    count k: Int, columns n: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    _ c: UnsafeMutablePointer<Float>
  ) {
    guard k > 0 else {
      c.initialize(repeating: 0, count: n)
      return
    }
    if k >= 16 && n >= 16 {
      var j = 0
      while j + 16 <= n {
        var low = SIMD8(repeating: a[0]) * load8(b + j)
        var high = SIMD8(repeating: a[0]) * load8(b + j + 8)
        for p in 1..<k {
          let scale = SIMD8(repeating: a[p])
          let row = b + p * n + j
          low = low + scale * load8(row)
          high = high + scale * load8(row + 8)
        }
        store8(low, at: c + j)
        store8(high, at: c + j + 8)
        j += 16
      }
      if j < n {
        rowTimesMatrix(count: k, columns: n - j, a, b + j, rowStride: n, c + j)
      }
      return
    }
    rowTimesMatrix(count: k, columns: n, a, b, rowStride: n, c)
  }

  @inline(__always)
  private static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  private static func store8(_ v: SIMD8<Float>, at p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
  }

  /// `rowTimesMatrix` for the first `n` columns of a matrix whose rows are `rowStride`
  /// apart, a column's sums stored and reloaded.
  @inline(__always)
  private static func rowTimesMatrix(
    count k: Int, columns n: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    rowStride: Int, _ c: UnsafeMutablePointer<Float>
  ) {
    for j in 0..<n { c[j] = a[0] * b[j] }
    for p in 1..<k {
      let row = b + p * rowStride
      let scale = a[p]
      for j in 0..<n {
        let product = scale * row[j]
        c[j] = c[j] + product
      }
    }
  }

  /// Row `a` times the transpose of the `n×k` matrix `w` into `c`: `c[j]` is the dot
  /// product of `a` with row `j` of `w`. Four rows at a time, so that four independent
  /// sums share each pass over `a` rather than each waiting on the last addition.
  @inline(__always)
  static func rowTimesTransposed(
    count k: Int, rows n: Int, _ a: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
    _ c: UnsafeMutablePointer<Float>
  ) {
    guard k > 0 else {
      c.initialize(repeating: 0, count: n)
      return
    }
    var j = 0
    while j + 4 <= n {
      let w0 = w + j * k
      let w1 = w0 + k
      let w2 = w1 + k
      let w3 = w2 + k
      var s0 = a[0] * w0[0]
      var s1 = a[0] * w1[0]
      var s2 = a[0] * w2[0]
      var s3 = a[0] * w3[0]
      var p = 1
      while p < k {
        let x = a[p]
        let p0 = x * w0[p]
        let p1 = x * w1[p]
        let p2 = x * w2[p]
        let p3 = x * w3[p]
        s0 = s0 + p0
        s1 = s1 + p1
        s2 = s2 + p2
        s3 = s3 + p3
        p += 1
      }
      c[j] = s0
      c[j + 1] = s1
      c[j + 2] = s2
      c[j + 3] = s3
      j += 4
    }
    while j < n {
      c[j] = dot(count: k, a, 1, w + j * k, 1)
      j += 1
    }
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

extension Array where Element == Float {
  /// `count` zeros. `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
  /// allocate through an unspecialized runtime entry that looks the storage type up in
  /// a table on every call, which costs more than the lesson's arithmetic; copying a
  /// collection is specialized at compile time and skips that look-up.
  static func zeros(_ count: Int) -> [Float] { Array(repeatElement(0, count: count)) }
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
