import FusedKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The float32 arithmetic of PyTorch's own CPU kernels that the loss and its gradient go
/// through (not MKL's): the exponential of the vectorised kernels, and the orders in which
/// `reduce_all` and `sum` add (docs/pytorch-numbers.md, "Training").
///
/// The x86-64 wheel on a processor with AVX-512 (this project's AMD EPYC machines and
/// Intel Xeons alike) runs `log_softmax` with vectors of 16 floats and `sum` with
/// vectors of 8 (its AVX2 kernel): both measured, as each kernel's orders differ.
enum TorchKernels {
  /// Floats in one vector of `sum`'s kernel (AVX2).
  static let lanes = 8

  /// `Vectorized<float>::exp()`: SLEEF's `expf` with 1-ulp accuracy (`Sleef_expf16_u10`; the AVX2 `Sleef_expf8_u10` is the same arithmetic),
  /// whose fused multiply-adds are fused here too.
  static func exp(_ d: Float) -> Float {
    let log2e: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
    let ln2Upper: Float = 0.693145751953125
    let ln2Lower: Float = 1.428606765330187045e-06
    // cvtps_epi32: to nearest even; out of range gives Int32.min (masked below).
    let scaled = (d * log2e).rounded(.toNearestOrEven)
    let q: Int32 =
      scaled.isFinite && scaled.magnitude < 2_147_483_648 ? Int32(scaled) : Int32.min
    let qf = Float(q)
    var s = d.addingProduct(qf, -ln2Upper)
    s = s.addingProduct(qf, -ln2Lower)
    var u: Float = 0.000198527617612853646278381
    u = Float(0.00139304355252534151077271).addingProduct(u, s)
    u = Float(0.00833336077630519866943359).addingProduct(u, s)
    u = Float(0.0416664853692054748535156).addingProduct(u, s)
    u = Float(0.166666671633720397949219).addingProduct(u, s)
    u = Float(0.5).addingProduct(u, s)
    u = 1 + s.addingProduct(s * s, u)
    u = u * power2(q >> 1) * power2(q &- (q >> 1))
    if d < -104 { u = 0 }
    if 100 < d { u = .infinity }
    return u
  }

  /// `exp(x[i] - shift)` for each element, as `exp(_:)` computes it, in C with the
  /// processor's fused multiply-adds (Sources/FusedKernels: the same bits, faster than a
  /// call to fmaf for each; x - 0 is x, so a `shift` of 0 is the plain exponential).
  static func exp(_ x: [Float], minus shift: Float) -> [Float] {
    [Float](unsafeUninitializedCapacity: x.count) { out, count in
      x.withUnsafeBufferPointer {
        rnntrace_exp_shifted($0.baseAddress, shift, out.baseAddress, x.count)
      }
      count = x.count
    }
  }

  /// log_softmax's backward, in place: g[i] + (−exp(logp[i]))·total, one fused
  /// multiply-add, as `CrossEntropy.gradient` documents.
  static func logSoftmaxBackward(_ logp: [Float], total: Float, into g: inout [Float]) {
    precondition(logp.count == g.count)
    logp.withUnsafeBufferPointer { logp in
      g.withUnsafeMutableBufferPointer {
        rnntrace_log_softmax_backward(logp.baseAddress, total, $0.baseAddress, logp.count)
      }
    }
  }

  /// `x.max() ?? 0`, eight lanes at a time. Where that could differ from the sequence's
  /// own answer (a zero, whose sign depends on which of +0 and -0 came first, or a lane
  /// that began with a NaN and so ignored the rest) the sequence answers.
  static func maximum(_ x: [Float]) -> Float {
    guard x.count >= 16 else { return x.max() ?? 0 }
    let result = x.withUnsafeBufferPointer { x -> Float? in
      let base = UnsafeRawPointer(x.baseAddress!)
      var lanes = base.loadUnaligned(as: SIMD8<Float>.self)
      guard !any(lanes .!= lanes) else { return nil }
      var i = 8
      while i + 8 <= x.count {
        let next = base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        lanes.replace(with: next, where: next .> lanes)
        i += 8
      }
      var m = lanes[0]
      for lane in 1..<8 where lanes[lane] > m { m = lanes[lane] }
      for j in i..<x.count where x[j] > m { m = x[j] }
      return m == 0 ? nil : m
    }
    return result ?? x.max() ?? 0
  }

  /// 2^q for q in the exponent range, built from its bits as SLEEF does.
  private static func power2(_ q: Int32) -> Float {
    Float(bitPattern: UInt32(truncatingIfNeeded: (q &+ 0x7f) << 23))
  }

  /// `Vectorized<float>::log()`: SLEEF's `logf` with 1-ulp accuracy (`Sleef_logf16_u10`),
  /// in its double-float arithmetic with fused multiply-adds, for positive normal inputs
  /// (a sum of exponentials, at least 1); anything else through binary64.
  static func log(_ d: Float) -> Float {
    guard d.isFinite, d >= Float.leastNormalMagnitude else { return Float(libmLog(Double(d))) }
    let scaled = d * Float(1.0 / 0.75)
    let e = Int32((scaled.bitPattern >> 23) & 0xff) - 0x7f
    let m = d * power2(-e)
    let ef = Float(e)
    // s = (ln 2 as a pair)·e
    let ln2 = DoubleFloat(0.69314718246459960938, -1.904654323148236017e-09)
    var s = ln2.times(ef)
    // x = (m - 1) / (m + 1), in double-float
    let x = DoubleFloat.sum(-1, m).divided(by: DoubleFloat.sum(1, m))
    let x2 = x.high * x.high
    var t: Float = 0.3027294874
    t = Float(0.3996108174).addingProduct(t, x2)
    t = Float(0.6666694880).addingProduct(t, x2)
    s = s.plus(DoubleFloat(x.high * 2, x.low * 2))
    s = s.plus((x2 * x.high) * t)
    return s.high + s.low
  }

  private static func libmLog(_ x: Double) -> Double {
    #if canImport(Glibc)
      return Glibc.log(x)
    #elseif canImport(Darwin)
      return Darwin.log(x)
    #endif
  }

  /// `vec::reduce_all` with `+` over `x` (the sums inside `log_softmax` and its backward,
  /// which the wheel runs with AVX-512 vectors): fewer than 16 values left to right from
  /// the first; otherwise 16 lanes, each summing every 16th value, the tail added to its
  /// first lanes, then the lanes folded in halves (lane i with lane i+8, then i+4, i+2,
  /// i+1).
  static func reduceAllSum(_ x: UnsafeBufferPointer<Float>) -> Float {
    let n = x.count
    guard n > 0 else { return 0 }
    if n < 16 {
      var sum = x[0]
      for i in 1..<n { sum = sum + x[i] }
      return sum
    }
    var acc = load16(x, 0)
    var d = 16
    while d + 16 <= n {
      acc = acc + load16(x, d)
      d += 16
    }
    if d < n {
      for i in 0..<(n - d) { acc[i] = acc[i] + x[d + i] }
    }
    return foldLanes(acc)
  }

  /// Lane 0 of the AVX-512 fold: halves of 256, 128, 64 and 32 bits added pairwise.
  static func foldLanes(_ v: SIMD16<Float>) -> Float {
    var v = v
    for distance in [8, 4, 2, 1] {
      var swapped = SIMD16<Float>()
      for i in 0..<16 { swapped[i] = v[i ^ distance] }
      v = v + swapped
    }
    return v[0]
  }

  private static func load16(_ x: UnsafeBufferPointer<Float>, _ start: Int) -> SIMD16<Float> {
    var v = SIMD16<Float>()
    for i in 0..<16 { v[i] = x[start + i] }
    return v
  }

  /// `torch.sum` of a contiguous float32 vector (the mean of the per-word losses):
  /// ATen's cascade sum. From 8 values on, whole vectors of 8 are summed as rows
  /// (four accumulators, cascaded), the values past the last whole vector added from 0,
  /// then the 8 lanes one by one; fewer than 8 are summed as scalars the same way.
  static func sum(_ x: [Float]) -> Float {
    let n = x.count
    let total: Float
    if n >= lanes {
      let vectorCount = n / lanes
      let vectors = (0..<vectorCount).map { v in
        SIMD8<Float>((0..<8).map { x[v * lanes + $0] })
      }
      let accumulated = rowSum(vectors)
      var final: Float = 0
      for k in (vectorCount * lanes)..<n { final = final + x[k] }
      for k in 0..<lanes { final = final + accumulated[k] }
      total = final
    } else {
      total = rowSum(x)
    }
    // The output starts at 0 and the sum is added to it.
    return 0 + total
  }

  /// `torch.sum(x, 0)` of a contiguous float32 matrix `[rows, columns]` (a bias's
  /// gradient over every word): ATen's outer sum. From 8 columns on it takes them 32 at
  /// a time (four vectors of 8), each column one cascade down the rows, then the rest (8
  /// at a time, then one at a time) each by `row_sum`; with 2 to 7 columns, 4 at a time by
  /// cascade and the rest by `row_sum`; one column is summed as a vector (`sum`).
  static func columnSums(_ x: [Float], rows: Int, columns: Int) -> [Float] {
    func column(_ j: Int) -> [Float] { (0..<rows).map { x[$0 * columns + j] } }
    if columns == 1 { return [sum(x)] }
    let group = columns >= lanes ? 4 * lanes : 4
    var sums = [Float](repeating: 0, count: columns)
    var j = 0
    while j + group <= columns {
      for k in j..<(j + group) { sums[k] = cascadeSum(column(k)) }
      j += group
    }
    // Lane by lane, a vector of 8 sums as its columns would one at a time.
    for k in j..<columns { sums[k] = rowSum(column(k)) }
    return sums
  }

  /// ATen's `multi_row_sum` for one row at a time: one accumulator, pushed one level up
  /// every 2^levelPower values, the levels added in order at the end.
  static func cascadeSum(_ x: [Float]) -> Float {
    let levels = 4
    let size = x.count
    let ceilLog2 = size <= 1 ? 0 : Int.bitWidth - (size - 1).leadingZeroBitCount
    let levelPower = max(4, ceilLog2 / levels)
    let levelStep = 1 << levelPower
    let levelMask = levelStep - 1
    var acc = [Float](repeating: 0, count: levels)
    var i = 0
    while i + levelStep <= size {
      for _ in 0..<levelStep {
        acc[0] = acc[0] + x[i]
        i += 1
      }
      for j in 1..<levels {
        acc[j] = acc[j] + acc[j - 1]
        acc[j - 1] = 0
        if i & (levelMask << (j * levelPower)) != 0 { break }
      }
    }
    while i < size {
      acc[0] = acc[0] + x[i]
      i += 1
    }
    for j in 1..<levels { acc[0] = acc[0] + acc[j] }
    return acc[0]
  }

  /// ATen's `row_sum`: four interleaved partial sums over rows of four, the rest added
  /// to the first, then the partial sums added in order.
  static func rowSum<T: CascadeSummable>(_ x: [T]) -> T {
    let ilp = 4
    let rows = x.count / ilp
    var partial = multiRowSum(x, rows: rows)
    for i in (rows * ilp)..<x.count { partial[0] = partial[0] + x[i] }
    for k in 1..<ilp { partial[0] = partial[0] + partial[k] }
    return partial[0]
  }

  /// ATen's `multi_row_sum` for four columns: `rows` rows of four consecutive values,
  /// summed into accumulators that are pushed one level up every 2^levelPower rows, so
  /// that long sums lose less.
  private static func multiRowSum<T: CascadeSummable>(_ x: [T], rows size: Int) -> [T] {
    let columns = 4
    let levels = 4
    let ceilLog2 = size <= 1 ? 0 : Int.bitWidth - (size - 1).leadingZeroBitCount
    let levelPower = max(4, ceilLog2 / levels)
    let levelStep = 1 << levelPower
    let levelMask = levelStep - 1
    var acc = [[T]](repeating: [T](repeating: .zero, count: columns), count: levels)
    var i = 0
    while i + levelStep <= size {
      for _ in 0..<levelStep {
        for k in 0..<columns { acc[0][k] = acc[0][k] + x[i * columns + k] }
        i += 1
      }
      for j in 1..<levels {
        for k in 0..<columns {
          acc[j][k] = acc[j][k] + acc[j - 1][k]
          acc[j - 1][k] = .zero
        }
        let mask = levelMask << (j * levelPower)
        if i & mask != 0 { break }
      }
    }
    while i < size {
      for k in 0..<columns { acc[0][k] = acc[0][k] + x[i * columns + k] }
      i += 1
    }
    for j in 1..<levels {
      for k in 0..<columns { acc[0][k] = acc[0][k] + acc[j][k] }
    }
    return acc[0]
  }
}

/// A value ATen's cascade sum adds: a float, or a vector of 8 added lane by lane.
protocol CascadeSummable {
  static var zero: Self { get }
  static func + (lhs: Self, rhs: Self) -> Self
}

extension Float: CascadeSummable {}
extension SIMD8<Float>: CascadeSummable {}

/// SLEEF's double-float: an unevaluated sum of two floats, `high + low`, with its
/// operations written as SLEEF writes them where fused multiply-adds are available.
struct DoubleFloat {
  var high: Float
  var low: Float

  init(_ high: Float, _ low: Float) {
    self.high = high
    self.low = low
  }

  /// `dfadd2_vf2_vf_vf`: x + y exactly (two-sum).
  static func sum(_ x: Float, _ y: Float) -> DoubleFloat {
    let s = x + y
    let v = s - x
    return DoubleFloat(s, (x - (s - v)) + (y - v))
  }

  /// `dfmul_vf2_vf2_vf`.
  func times(_ y: Float) -> DoubleFloat {
    let s = high * y
    return DoubleFloat(s, (-s).addingProduct(high, y).addingProduct(low, y))
  }

  /// `dfdiv_vf2_vf2_vf2`.
  func divided(by d: DoubleFloat) -> DoubleFloat {
    let t = 1 / d.high
    let s = high * t
    let u = (-s).addingProduct(t, high)
    let v = Float(1).addingProduct(-d.high, t).addingProduct(-d.low, t)
    return DoubleFloat(s, u.addingProduct(low, t).addingProduct(s, v))
  }

  /// `dfadd_vf2_vf2_vf2`.
  func plus(_ y: DoubleFloat) -> DoubleFloat {
    let s = high + y.high
    return DoubleFloat(s, (((high - s) + y.high) + low) + y.low)
  }

  /// `dfadd_vf2_vf2_vf`.
  func plus(_ y: Float) -> DoubleFloat {
    let s = high + y
    return DoubleFloat(s, ((high - s) + y) + low)
  }
}
