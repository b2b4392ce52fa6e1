import FusedKernels

/// The summation order of MKL's single-precision matrix-vector kernel for `y = x·Wᵀ`, as
/// PyTorch 2.13's x86-64 wheel runs it on this workplace's AMD EPYC machines: `nn.Linear`
/// calls `addmm`, which hands MKL `sgemm` with one column, and MKL passes that to `sgemv`.
///
/// MKL's code is closed; this order was read off its results. Summing ±2^30 at two chosen
/// positions among ones shows which partial sums meet first (a one added to a sum holding
/// only one of them is lost), which gives each output's addition tree; the model below
/// then matched torch bit for bit on 6,000 random `nn.Linear` products with `k` and `n`
/// from 1 to 64 and the input at every alignment (194,950 outputs). No product is fused:
/// each is rounded before it is added (Swift never contracts `a + b * c` into an fma).
///
/// The outputs (rows of `W`) go in groups of four; each output of a group is summed by the
/// group kernel. The `n mod 4` rows left over are summed by a second kernel, with eight
/// lanes for the first and third of them and four for the second. That kernel first adds
/// single products until the input's address is 16-byte aligned (at least one, up to
/// four), so it depends on where `x` sits in PyTorch's storage.
struct MKLGemv {
  /// `k`, the length of each dot product.
  let count: Int
  /// `n`, the number of outputs (rows of `W`).
  let outputs: Int
  /// `x`'s element offset from a 64-byte aligned allocation (`Tensor.storageOffset`).
  let inputOffset: Int

  /// Output `output`: the dot product of row `w` of `W` with `x`.
  func dot(output: Int, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>) -> Float {
    let grouped = outputs / 4 * 4
    if output < grouped { return groupDot(w, x) }
    return leftoverDot(w, x, lanes: output - grouped == 1 ? 4 : 8)
  }

  /// The group kernel: a sequential head of 1 to 4 products, so that the rest splits into
  /// blocks of four, then four lanes (the head's sum in lane 0), reduced as
  /// `(l0 + l2) + (l1 + l3)`.
  private func groupDot(_ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>) -> Float {
    let k = count
    let head = k <= 4 ? k : k - (k - 1) / 4 * 4
    var sum = Self.sequential(w, x, 0..<head, from: nil)
    if head == k { return sum }
    // Four lanes side by side: lane l of `lanes` is the kernel's lane l, each product
    // rounded before it is added, as in the scalar form.
    var lanes = SIMD4<Float>(sum, 0, 0, 0)
    var i = head
    while i < k {
      let products = Self.load4(w + i) * Self.load4(x + i)
      lanes = lanes + products
      i += 4
    }
    sum = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3])
    return sum
  }

  /// The leftover kernel: single products up to 16-byte alignment of `x`, then blocks of
  /// eight into `lanes` lanes (the head's sum in lane 0; eight lanes fold as
  /// `l_i + l_(i+4)` first), reduced as `(a0 + a2) + (a1 + a3)`, then the products left
  /// over (fewer than eight) one by one.
  private func leftoverDot(
    _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>, lanes laneCount: Int
  ) -> Float {
    let k = count
    let head = min(k, 4 - (inputOffset & 3))
    var sum = Self.sequential(w, x, 0..<head, from: nil)
    var i = head
    if k - head >= 8 {
      // Lanes 0-3 and 4-7; with four lanes the second product of each pair goes into the
      // same lane, after the first.
      var low = SIMD4<Float>(sum, 0, 0, 0)
      var high = SIMD4<Float>(repeating: 0)
      while i + 8 <= k {
        let first = Self.load4(w + i) * Self.load4(x + i)
        let second = Self.load4(w + i + 4) * Self.load4(x + i + 4)
        low = low + first
        if laneCount == 8 {
          high = high + second
        } else {
          low = low + second
        }
        i += 8
      }
      let folded = laneCount == 8 ? low + high : low
      sum = (folded[0] + folded[2]) + (folded[1] + folded[3])
    }
    return Self.sequential(w, x, i..<k, from: sum)
  }

  /// Four floats from `p` (no alignment needed).
  @inline(__always)
  private static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
  }

  /// `start + w[i]·x[i] + …` left to right over `range`; with no start, from the first
  /// product (so that a sum of negative zeros stays negative).
  private static func sequential(
    _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ range: Range<Int>, from start: Float?
  ) -> Float {
    var indices = range.makeIterator()
    var sum: Float
    if let start {
      sum = start
    } else if let first = indices.next() {
      sum = w[first] * x[first]
    } else {
      return 0
    }
    while let i = indices.next() { sum = sum + w[i] * x[i] }
    return sum
  }
}

extension MKLGemv {
  /// Every output at once, `out[j] = dot(output: j, …)` bit for bit, for a weight also
  /// held transposed (`columns`: element i of row j of `W` at `columns[i·n + j]`).
  /// With a `bias`, each output has its element added after its sum, as `nn.Linear`
  /// adds it.
  ///
  /// The group kernel's sum for one output is a chain of dependent additions; eight
  /// outputs side by side run eight such chains in the lanes of one vector, each lane
  /// doing exactly the scalar form's operations in the scalar form's order, so the
  /// prediction head's thousand outputs cost an eighth of the chains' latency (in C,
  /// Sources/FusedKernels, with AVX2 where the processor has it).
  func products(
    rows w: UnsafePointer<Float>, columns: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
    plus bias: UnsafePointer<Float>? = nil, into out: UnsafeMutablePointer<Float>
  ) {
    let k = count
    let n = outputs
    var j = 0
    if k > 0 {
      let grouped = n / 4 * 4
      let head = k <= 4 ? k : k - (k - 1) / 4 * 4
      rnntrace_group_dots(columns, n, x, k, head, bias, out, grouped)
      j = grouped
    }
    for j in j..<n {
      let sum = dot(output: j, w + j * k, x)
      out[j] = bias.map { sum + $0[j] } ?? sum
    }
  }
}
