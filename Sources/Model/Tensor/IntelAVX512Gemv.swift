/// The summation order of MKL's single-precision matrix-vector kernel for `y = x·Wᵀ` on an
/// Intel processor with AVX-512, as PyTorch 2.15's x86-64 wheel runs it for `nn.Linear`
/// on one input row (`addmm` → `sgemm` with one column → `sgemv`). Read off MKL's results
/// as `MKLGemv`'s order was, and checked against PyTorch bit for bit
/// (docs/pytorch-numbers.md). Unlike the AMD path it fuses most products into their
/// additions (`fma`, one rounding), sums in 16 lanes, and does not depend on the input's
/// alignment.
///
/// With `k` inputs, product `p` is `x[p]·w[p]`. `halve` reduces 16 lanes as
/// `l_i + l_(i+8)`, then `+4`, `+2`, `+1`. Lanes start at +0.
/// - Outputs in groups of four (the first `4·⌊n/4⌋`): lane 0 starts at `fma(x[0], w[0], 0)`;
///   products 1, 2, … go to lanes 0, 1, …, 15, 0, … by fma, but when `k - 1 ≥ 16` only
///   whole vectors of 16 do. The sum `R = halve(lanes)`; the `r = (k-1) mod 16` products
///   left then go into eight lanes starting `[R, 0, …]`: the first eight by fma into
///   lanes 0–7, the rest rounded and added to lanes 0–6; the eight fold as
///   `l_i + l_(i+4)`, and `(l0 + l2) + (l1 + l3)` is the result.
/// - The leftover outputs (`n mod 4`): products 1… in vectors of 16 (the last one
///   partial); the first and third leftover output sum pairs of vectors into two sets of
///   lanes, A and B, while 32 or more products remain, then `A + B` lane by lane; the
///   second leftover output, and every output for the vectors left, uses one set. The
///   result is `x[0]·w[0] + halve(lanes)`.
/// - With `k = 1` the product is `x[0]·w[0]`.
enum IntelAVX512Gemv {
  typealias Lanes = SIMD16<Float>

  /// Output `output` of `n`: the dot product of row `w` of `W` with `x`, `k` long.
  static func dot(
    output: Int, outputs n: Int, count k: Int, _ w: UnsafePointer<Float>,
    _ x: UnsafePointer<Float>
  ) -> Float {
    if k == 1 { return x[0] * w[0] }
    let grouped = n / 4 * 4
    if output < grouped { return groupDot(count: k, w, x) }
    return leftoverDot(count: k, twoSets: output - grouped != 1, w, x)
  }

  private static func groupDot(count k: Int, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>)
    -> Float
  {
    let m = k - 1
    var lanes = Lanes(repeating: 0)
    lanes[0] = Float(0).addingProduct(x[0], w[0])
    if m < 16 {
      fmaInto(&lanes, x + 1, w + 1, count: m)
      return halve(lanes)
    }
    let vectors = m / 16
    for v in 0..<vectors { fmaInto(&lanes, x + 1 + 16 * v, w + 1 + 16 * v, count: 16) }
    let sum = halve(lanes)
    let r = m % 16
    if r == 0 { return sum }
    let start = 1 + 16 * vectors
    var eight = SIMD8<Float>(repeating: 0)
    eight[0] = sum
    for t in 0..<min(8, r) { eight[t] = eight[t].addingProduct(x[start + t], w[start + t]) }
    for t in 8..<max(8, r) {
      let product = x[start + t] * w[start + t]
      eight[t - 8] = eight[t - 8] + product
    }
    let four = eight.lowHalf + eight.highHalf
    return (four[0] + four[2]) + (four[1] + four[3])
  }

  private static func leftoverDot(
    count k: Int, twoSets: Bool, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>
  ) -> Float {
    let m = k - 1
    var i = 0
    var lanes = Lanes(repeating: 0)
    if twoSets && m >= 32 {
      var a = Lanes(repeating: 0)
      var b = Lanes(repeating: 0)
      while i + 32 <= m {
        fmaInto(&a, x + 1 + i, w + 1 + i, count: 16)
        fmaInto(&b, x + 17 + i, w + 17 + i, count: 16)
        i += 32
      }
      lanes = a + b
    }
    while i < m {
      let count = min(16, m - i)
      fmaInto(&lanes, x + 1 + i, w + 1 + i, count: count)
      i += count
    }
    let head = x[0] * w[0]
    return head + halve(lanes)
  }

  /// `lanes[t] = fma(x[t], w[t], lanes[t])` for the first `count` lanes.
  @inline(__always)
  private static func fmaInto(
    _ lanes: inout Lanes, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, count: Int
  ) {
    for t in 0..<count { lanes[t] = lanes[t].addingProduct(x[t], w[t]) }
  }

  /// 16 lanes to one: `l_i + l_(i+8)`, then `+4`, `+2`, `+1`.
  @inline(__always)
  private static func halve(_ lanes: Lanes) -> Float {
    let eight = lanes.lowHalf + lanes.highHalf
    let four = eight.lowHalf + eight.highHalf
    let two = four.lowHalf + four.highHalf
    return two[0] + two[1]
  }
}
