/// The summation order of `torch.mm` of a row by a matrix, `(1×k)·(k×n)`, as PyTorch 2.15's
/// x86-64 wheel runs it on an Intel processor with AVX-512: `mm` hands MKL `sgemm` with
/// one column, and MKL's AVX-512 kernel sums each output with fused multiply-adds
/// (`fma(a, b, c)`, one rounding) in the order below. Read off MKL's results as
/// `MKLGemv`'s order was (±2^40 at two positions among ones gives each output's addition
/// tree; signed zeros and random values then fixed which additions are fused), and
/// checked against PyTorch bit for bit (docs/pytorch-numbers.md).
///
/// The first `16·⌊n/16⌋` outputs go through a blocked kernel; the `n mod 16` outputs left
/// over are summed left to right. Every sum starts from +0, not from the first product.
enum IntelAVX512Gemm {
  /// `c[j] = Σ_p a[p]·b[p·n + j]` for `j` in `0..<n`.
  static func rowTimesMatrix(
    count k: Int, columns n: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    _ c: UnsafeMutablePointer<Float>
  ) {
    let blocked = n / 16 * 16
    c.initialize(repeating: 0, count: n)
    var p = 0
    if blocked > 0 {
      // Blocks of eight products p…p+7, for each output:
      //   s = fma(a[p+6], b[p+6], s); s = fma(a[p+4], b[p+4], s)
      //   s = s + fma(a[p+5], b[p+5], a[p+7]·b[p+7])
      //   s = s + (fma(a[p], b[p], a[p+2]·b[p+2]) + fma(a[p+1], b[p+1], a[p+3]·b[p+3]))
      while p + 8 <= k {
        let x = a + p
        let row = b + p * n
        for j in 0..<blocked {
          let column = row + j
          var s = c[j].addingProduct(x[6], column[6 * n])
          s = s.addingProduct(x[4], column[4 * n])
          let odd = (x[7] * column[7 * n]).addingProduct(x[5], column[5 * n])
          s = s + odd
          let low = (x[2] * column[2 * n]).addingProduct(x[0], column[0])
          let high = (x[3] * column[3 * n]).addingProduct(x[1], column[n])
          s = s + (low + high)
          c[j] = s
        }
        p += 8
      }
      // The products left over, one by one.
      for q in p..<k {
        let row = b + q * n
        for j in 0..<blocked { c[j] = c[j].addingProduct(a[q], row[j]) }
      }
    }
    for q in 0..<k {
      let row = b + q * n
      for j in blocked..<n { c[j] = c[j].addingProduct(a[q], row[j]) }
    }
  }
}
