#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// The block ("fill") path of `normal_` for 16 or more contiguous elements
/// (`docs/pytorch-numbers.md#block-path`):
/// float uniforms, Box–Muller on blocks of 16, and the last 16 redrawn when the count
/// is not a multiple of 16.
enum NormalBlock {
  /// Overwrites `data` (at least 16 elements, already holding one uniform float per
  /// element) with N(mean, std) samples; `redraw` refills the last 16 elements with fresh
  /// uniforms when the count is not a multiple of 16.
  static func transform(
    _ data: UnsafeMutableBufferPointer<Float>, mean: Float, std: Float,
    kernel: TorchGenerator.Kernel, redraw: (UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    let n = data.count
    precondition(n >= 16, "the block path needs at least 16 elements")
    let base = data.baseAddress!
    switch kernel {
    case .avx2:
      var offset = 0
      while offset + 16 <= n {
        avx2(base + offset, mean: mean, std: std)
        offset += 16
      }
      if n % 16 != 0 {
        redraw(UnsafeMutableBufferPointer(rebasing: data[(n - 16)...]))
        avx2(base + n - 16, mean: mean, std: std)
      }
    case .generic:
      var offset = 0
      while offset + 16 <= n {
        generic(base + offset, mean: mean, std: std)
        offset += 16
      }
      if n % 16 != 0 {
        redraw(UnsafeMutableBufferPointer(rebasing: data[(n - 16)...]))
        generic(base + n - 16, mean: mean, std: std)
      }
    }
  }

  /// One block on the x86-64 AVX2 kernel (`docs/pytorch-numbers.md#avx2-kernel`): element `j` feeds the radius,
  /// element `j + 8` the angle; cosine results go to `j`, sine results to `j + 8`.
  @inline(__always)
  static func avx2(_ d: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
    for j in 0..<8 {
      let u1 = 1 - d[j]
      let radius = (-2 * AVX2Math.log(u1)).squareRoot()
      let theta = AVX2Math.twoPi * d[j + 8]
      let (sine, cosine) = AVX2Math.sincos(theta)
      let n1 = radius * cosine
      let n2 = radius * sine
      d[j] = mean.addingProduct(n1, std)
      d[j + 8] = mean.addingProduct(n2, std)
    }
  }

  /// One block on the generic kernel (`docs/pytorch-numbers.md#generic-kernel`): the C library's `logf`/`cosf`/`sinf`,
  /// and an angle formed in binary64 and rounded once.
  @inline(__always)
  static func generic(_ d: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
    for j in 0..<8 {
      let u1 = 1 - d[j]
      let radius = (-2 * logf(u1)).squareRoot()
      let theta = Float(6.283_185_307_179_586 * Double(d[j + 8]))
      let n1 = radius * cosf(theta)
      let n2 = radius * sinf(theta)
      d[j] = mean.addingProduct(n1, std)
      d[j + 8] = mean.addingProduct(n2, std)
    }
  }
}
