import TanhTables

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `torch.tanh` of one float32, bit for bit as PyTorch 2.13's x86-64 CPU wheel computes it.
///
/// That wheel does not use its SLEEF vector tanh for float32 tensors: `tanh_kernel` goes
/// through `at::vml::vtanh`, which hands each contiguous run to MKL's `vmsTanh` in its
/// high-accuracy mode (`VML_HA`). Each element's result is independent of the tensor's
/// length and of its position (checked from 1 to 79 elements, aligned or not), and is
/// always one of the two float32 neighbours of the exact tanh: the nearest one, except on
/// 82,383 positive inputs, and their negatives, where MKL's internal error crosses the
/// midpoint. MKL's code is closed, so those inputs were found by running torch.tanh on
/// every float32 (`scripts/generate_tanh_flips.py`) and are kept as a table.
///
/// This was checked against torch on all 2^32 inputs (one and two threads alike). MKL
/// chooses its kernel by processor: `flips` is the table of the generic kernel it runs on
/// AMD EPYC machines; `intelAVX512Flips` that of its AVX-512 kernel on Intel processors
/// (803,349 inputs, from PyTorch 2.15 on an Intel Xeon), stored in binary in the
/// `TanhTables` target. Each table is decoded on first use.
enum TorchTanh {
  /// The bit patterns of the non-negative inputs whose result is the farther neighbour.
  static let flips = BitPatternRuns(encoded: encodedFlips)

  /// The same for MKL's Intel AVX-512 kernel.
  static let intelAVX512Flips = BitPatternRuns(
    binary: UnsafeBufferPointer(
      start: rnntrace_intel_avx512_flips(), count: rnntrace_intel_avx512_flips_size()))

  /// The table of `family`.
  static func flips(_ family: KernelFamily) -> BitPatternRuns {
    switch family {
    case .amd: flips
    case .intelAVX512: intelAVX512Flips
    }
  }

  /// torch.tanh(x) for a float32 `x` on `family`'s processors.
  static func tanh(_ x: Float, family: KernelFamily = .amd) -> Float {
    tanh(x, flips: flips(family))
  }

  /// torch.tanh(x) for a float32 `x`, with the flips of one family.
  @inline(__always)
  static func tanh(_ x: Float, flips: BitPatternRuns) -> Float {
    let magnitude = x.magnitude
    let exact = libmTanh(Double(magnitude))
    var result = Float(exact)
    if flips.contains(magnitude.bitPattern) {
      result = Double(result) < exact ? result.nextUp : result.nextDown
    }
    return x.sign == .minus ? -result : result
  }

  /// tanh in binary64: glibc's is within an ulp of binary64, which is far finer than the
  /// float32 midpoints the table's generator compared it with.
  private static func libmTanh(_ x: Double) -> Double {
    #if canImport(Glibc)
      return Glibc.tanh(x)
    #elseif canImport(Darwin)
      return Darwin.tanh(x)
    #else
      let e = exp(2 * x)
      return (e - 1) / (e + 1)
    #endif
  }
}
