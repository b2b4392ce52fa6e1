/// The summation order of MKL's single-precision matrix-matrix kernel (`sgemm`) for
/// `C = A·B` (`m×k` times `k×n`), as PyTorch 2.15's x86-64 wheel runs it on this
/// workplace's AMD EPYC machines, where both `m ≥ 4` and `n ≥ 12` (`follows`): nn.RNN's
/// input products of a whole sentence at once, and, backwards, their gradients.
///
/// Every output is its own chain of fused multiply-adds over `k`, from +0, in increasing
/// `p`. Long chains are cut into blocks (`blocks`), each summed from +0 and then added to
/// the output so far (to the bias first, when there is one). Read off MKL's results with
/// two big values among ones, then matched on random products (docs/pytorch-numbers.md,
/// "nn.RNN's products over time"). With fewer rows or columns MKL runs other kernels, not
/// followed here.
public enum MKLGemm {
  /// Whether MKL sums an `rows × columns` product in this order.
  public static func follows(rows: Int, columns: Int) -> Bool {
    rows >= minimumRows && columns >= minimumColumns
  }

  public static let minimumRows = 4
  public static let minimumColumns = 12

  /// The blocks `0 ..< k` is cut into: one up to 192, two halves (the first `k/2`
  /// rounded down, so an odd `k` leaves a last block of one) below 384, else 192 at a
  /// time.
  public static func blocks(_ k: Int) -> [Range<Int>] {
    guard k > 0 else { return [] }
    let size = k <= 192 ? k : (k < 384 ? k / 2 : 192)
    return stride(from: 0, to: k, by: size).map { $0..<Swift.min($0 + size, k) }
  }

  /// One output: `start + Σ a[p·aStride]·b[p·bStride]`, each block a chain of fused
  /// multiply-adds from +0 added to the sum so far (with no start, the first block is the
  /// sum).
  @inline(__always)
  static func dot(
    count k: Int, _ a: UnsafePointer<Float>, stride aStride: Int, _ b: UnsafePointer<Float>,
    stride bStride: Int, start: Float? = nil
  ) -> Float {
    var sum = start
    for block in blocks(k) {
      var chain: Float = 0
      for p in block { chain = chain.addingProduct(a[p * aStride], b[p * bStride]) }
      sum = sum.map { $0 + chain } ?? chain
    }
    return sum ?? 0
  }

  /// The running sums of one output, one after each term: the blocks done so far plus
  /// the chain of the block under way.
  static func runningSums(
    count k: Int, _ a: UnsafePointer<Float>, stride aStride: Int, _ b: UnsafePointer<Float>,
    stride bStride: Int
  ) -> [Float] {
    var sums: [Float] = []
    sums.reserveCapacity(k)
    var done: Float? = nil
    for block in blocks(k) {
      var chain: Float = 0
      for p in block {
        chain = chain.addingProduct(a[p * aStride], b[p * bStride])
        sums.append(done.map { $0 + chain } ?? chain)
      }
      done = done.map { $0 + chain } ?? chain
    }
    return sums
  }

  /// `A·B` for `A` `[m, k]` and `B` `[k, n]` given by their strides: element (i, j) is
  /// the dot product of row i of A with column j of B.
  static func product(
    rows m: Int, columns n: Int, count k: Int, _ a: UnsafePointer<Float>,
    rowStride aRow: Int, termStride aTerm: Int, _ b: UnsafePointer<Float>, termStride bTerm: Int,
    columnStride bColumn: Int
  ) -> [Float] {
    var out = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n {
        out[i * n + j] = dot(
          count: k, a + i * aRow, stride: aTerm, b + j * bColumn, stride: bTerm)
      }
    }
    return out
  }
}

extension Tensor {
  /// `x·Wᵀ` for a weight stored `[n, k]`, each output summed as MKL's `sgemm` sums one row
  /// of a product over many rows (`MKLGemm`).
  public func gemmTransposed(_ weight: Tensor) -> Tensor {
    precondition(
      columns == weight.columns,
      "cannot multiply \(shapeDescription) by the transpose of \(weight.shapeDescription)")
    let (m, k, n) = (rows, columns, weight.rows)
    let values = scalars.withUnsafeBufferPointer { x in
      weight.scalars.withUnsafeBufferPointer { w in
        MKLGemm.product(
          rows: m, columns: n, count: k, x.baseAddress!, rowStride: k, termStride: 1,
          w.baseAddress!, termStride: 1, columnStride: k)
      }
    }
    return Tensor(shape: TensorShape(rows: m, columns: n), scalars: values)
  }

  /// `g·W` for a weight stored `[k, n]` (dL/dx of `x·Wᵀ`), each output summed as MKL's
  /// `sgemm` sums one row of a product over many rows.
  public func gemm(_ weight: Tensor) -> Tensor {
    precondition(
      columns == weight.rows, "cannot multiply \(shapeDescription) by \(weight.shapeDescription)")
    let (m, k, n) = (rows, columns, weight.columns)
    let values = scalars.withUnsafeBufferPointer { g in
      weight.scalars.withUnsafeBufferPointer { w in
        MKLGemm.product(
          rows: m, columns: n, count: k, g.baseAddress!, rowStride: k, termStride: 1,
          w.baseAddress!, termStride: n, columnStride: 1)
      }
    }
    return Tensor(shape: TensorShape(rows: m, columns: n), scalars: values)
  }
}
