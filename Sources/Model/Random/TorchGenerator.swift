/// PyTorch's default CPU generator, bit for bit (see `shared/torch-rng/SPEC.md`).
///
/// STUB: the API that the rest of the model layer uses; the implementation follows.
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

  /// `torch.manual_seed(seed)` on a fresh generator.
  public init(seed: UInt64, kernel: Kernel = .platformDefault) {
    self.kernel = kernel
    self.initialSeed = seed
    fatalError("TorchGenerator is not implemented yet")
  }

  /// `torch.manual_seed(seed)`: reseeds and clears the cached normal sample.
  public mutating func manualSeed(_ seed: UInt64) { fatalError() }

  /// One raw MT19937 word.
  public mutating func next32() -> UInt32 { fatalError() }

  /// `torch.randn(*shape)`.
  public mutating func randn(_ shape: [Int]) -> Tensor { fatalError() }

  /// `Tensor.normal_(mean, std)` on a contiguous float32 tensor of `count` elements.
  public mutating func normal(count: Int, mean: Double = 0, std: Double = 1) -> [Float] {
    fatalError()
  }

  /// `Tensor.uniform_(from, to)` on a float32 tensor of `count` elements.
  public mutating func uniform(count: Int, from: Double, to: Double) -> [Float] {
    fatalError()
  }

  /// `nn.Linear(inFeatures, outFeatures, bias:)`: weight `[out, in]`, then bias `[out]`.
  public mutating func linear(inFeatures: Int, outFeatures: Int, bias: Bool = true) -> (
    weight: Tensor, bias: Tensor?
  ) { fatalError() }

  /// `nn.Embedding(count, dimension)`: its weight `[count, dimension]`, N(0, 1).
  public mutating func embedding(count: Int, dimension: Int) -> Tensor { fatalError() }
}
