#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// PyTorch's default CPU generator, bit for bit (`docs/pytorch-numbers.md`, from `#seeding` to
/// `#module-initialisation`).
///
/// A value: copying a generator forks its stream, as `torch.Generator.clone_state` would.
public struct TorchGenerator: Sendable {
  /// The arithmetic of the block ("fill") normal path and of `uniform_`.
  public enum Kernel: String, Sendable, CaseIterable {
    /// The x86-64 AVX2 kernels of the official wheels (fused `uniform_`).
    case avx2
    /// The generic kernels (C library `logf`/`sinf`/`cosf`, unfused `uniform_`).
    case generic

    /// What PyTorch uses on this kind of machine: AVX2 on x86-64, generic elsewhere.
    public static var platformDefault: Kernel {
      #if arch(x86_64)
        return .avx2
      #else
        return .generic
      #endif
    }
  }

  public let kernel: Kernel
  /// The 64-bit seed last given, as `torch.initial_seed()` reports it.
  public private(set) var initialSeed: UInt64
  /// 32-bit words drawn since the last seeding (a diagnostic, as the golden files record).
  public private(set) var wordsDrawn: UInt64 = 0
  var engine: MersenneTwister
  /// The spare Box–Muller sample of the scalar normal path. It lives in the generator,
  /// not in a call: only that path reads or sets it, and only seeding clears it.
  var cachedNormal: Double?

  /// `torch.manual_seed(seed)` on a fresh generator.
  public init(seed: UInt64, kernel: Kernel = .platformDefault) {
    self.kernel = kernel
    self.initialSeed = seed
    self.engine = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
  }

  /// `torch.manual_seed(seed)`: reseeds and clears the cached normal sample.
  ///
  /// PyTorch keeps all 64 bits as the initial seed but seeds the engine with the low 32
  /// only, so `2^32 + 5` draws what `5` draws. (A negative Python seed is its value
  /// modulo 2^64: pass `UInt64(bitPattern:)` of it.)
  public mutating func manualSeed(_ seed: UInt64) {
    self = TorchGenerator(seed: seed, kernel: kernel)
  }

  /// Whether a spare scalar-path normal sample is waiting to be returned.
  public var hasCachedNormal: Bool { cachedNormal != nil }

  /// One raw MT19937 word.
  public mutating func next32() -> UInt32 {
    wordsDrawn += 1
    return engine.next()
  }

  /// Two words, the first drawn as the high half.
  public mutating func next64() -> UInt64 {
    let high = UInt64(next32())
    let low = UInt64(next32())
    return high << 32 | low
  }

  /// The 24-bit uniform of every float32 path: the low 24 bits of one word, times 2^-24.
  public mutating func uniformFloat() -> Float {
    Float(next32() & 0xFF_FFFF) * 0x1p-24
  }

  /// The 53-bit uniform of the scalar normal path: the low 53 bits of `next64()`,
  /// times 2^-53.
  public mutating func uniformDouble() -> Double {
    Double(next64() & ((1 << 53) - 1)) * 0x1p-53
  }

  /// Fills `out` with `uniformFloat()` values, in order, through one pass over the engine.
  mutating func fillUniformFloats(_ out: UnsafeMutableBufferPointer<Float>) {
    wordsDrawn += UInt64(out.count)
    engine.fill(out.count) { index, word in out[index] = Float(word & 0xFF_FFFF) * 0x1p-24 }
  }

  /// One sample of the scalar path (`docs/pytorch-numbers.md#scalar-path`): binary64 Box–Muller with the spare sample
  /// cached. The first uniform drives the angle, the second the radius; the cosine
  /// branch is returned and the sine branch kept.
  mutating func normalDouble(mean: Double, std: Double) -> Double {
    let z: Double
    if let cached = cachedNormal {
      cachedNormal = nil
      z = cached
    } else {
      let u1 = uniformDouble()
      let u2 = uniformDouble()
      let radius = (-2.0 * log1p(-u2)).squareRoot()
      let theta = (2.0 * Double.pi) * u1
      cachedNormal = radius * sin(theta)
      z = radius * cos(theta)
    }
    switch kernel {
    case .avx2:
      return mean.addingProduct(z, std)
    case .generic:
      let scaled = z * std
      return scaled + mean
    }
  }
}
