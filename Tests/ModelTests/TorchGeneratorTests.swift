import TestSupport
import Testing

@testable import Model

struct TorchGeneratorTests {
  /// `docs/pytorch-numbers.md#scalar-path`: the cached sine branch of a scalar-path pair survives a block-path call
  /// and is returned by the next scalar-path call without drawing.
  @Test(arguments: TorchGenerator.Kernel.allCases)
  func cachedSampleSurvivesTheBlockPath(kernel: TorchGenerator.Kernel) {
    var rng = TorchGenerator(seed: 99, kernel: kernel)
    #expect(bits(rng.randn([1])) == [0x3F1C_D8FB])
    #expect(rng.wordsDrawn == 4)
    #expect(rng.hasCachedNormal)
    _ = rng.randn([16])
    #expect(rng.wordsDrawn == 20)
    #expect(rng.hasCachedNormal)
    #expect(bits(rng.randn([1])) == [0xBF96_71FD])
    #expect(rng.wordsDrawn == 20)
    #expect(!rng.hasCachedNormal)
  }

  /// Seeding clears the cached sample: the same seed replays the same stream.
  @Test func manualSeedClearsTheCache() {
    var rng = TorchGenerator(seed: 99)
    let first = rng.randn([1])
    #expect(rng.hasCachedNormal)
    rng.manualSeed(99)
    #expect(!rng.hasCachedNormal)
    #expect(rng.wordsDrawn == 0)
    #expect(rng.randn([1]) == first)
  }

  /// Only the low 32 bits seed the engine; the initial seed keeps all 64.
  @Test(arguments: [(UInt64(1) << 32 + 5, UInt64(5)), (UInt64.max, UInt64(UInt32.max))])
  func seedsAboveTwoToThe32UseTheirLowWord(seed: UInt64, low: UInt64) {
    var big = TorchGenerator(seed: seed)
    var small = TorchGenerator(seed: low)
    #expect(big.initialSeed == seed)
    #expect(small.initialSeed == low)
    #expect(big.randn([3]) == small.randn([3]))
    #expect(big.randn([20]) == small.randn([20]))
    #expect(big.uniform(count: 5, from: -1, to: 1) == small.uniform(count: 5, from: -1, to: 1))
    big.manualSeed(seed)
    #expect(big.initialSeed == seed)
    var fresh = TorchGenerator(seed: low)
    #expect(big.next32() == fresh.next32())
  }

  /// Words consumed: n on the block path when n is a multiple of 16, else n + 16;
  /// 4 per pair on the scalar path; one per element for uniform_.
  @Test func wordCounts() {
    var rng = TorchGenerator(seed: 1)
    _ = rng.randn([32])
    #expect(rng.wordsDrawn == 32)
    _ = rng.randn([4, 5])
    #expect(rng.wordsDrawn == 32 + 36)
    _ = rng.randn([3])
    #expect(rng.wordsDrawn == 68 + 8)
    #expect(rng.hasCachedNormal)
    _ = rng.uniform(count: 7, from: 0, to: 1)
    #expect(rng.wordsDrawn == 76 + 7)
    #expect(rng.hasCachedNormal)
  }

  /// The generator is a value: a copy continues the same stream independently.
  @Test func copiesForkTheStream() {
    var a = TorchGenerator(seed: 3)
    _ = a.randn([5])
    var b = a
    #expect(a.randn([17]) == b.randn([17]))
    #expect(a.randn([1]) == b.randn([1]))
  }

  /// A block-path draw is the uniforms transformed in place: its size only decides the
  /// tail, so a 16M-element draw agrees with the reference's first block.
  @Test func largeDrawStartsLikeASmallOne() {
    var small = TorchGenerator(seed: 100, kernel: .avx2)
    var large = small
    let first = small.normal(count: 32)
    let many = large.normal(count: 1 << 20)
    #expect(Array(many.prefix(32)) == first)
    #expect(large.wordsDrawn == 1 << 20)
    #expect(many.allSatisfy { $0.isFinite })
  }
}

/// The numbers of the lesson, bit for bit (`docs/pytorch-numbers.md#lesson-numbers`).
struct LessonNumberTests {
  @Test(arguments: TorchGenerator.Kernel.allCases)
  func lessonTensors(kernel: TorchGenerator.Kernel) {
    var rng = TorchGenerator(seed: 15, kernel: kernel)
    let e1 = rng.randn([4, 1])
    #expect(bits(e1) == [0xBF34_A515, 0x3F2C_930A, 0xBF0B_9CA0, 0x3F69_2520])
    rng.manualSeed(13)
    let h0 = rng.randn([1, 1])
    #expect(bits(h0) == [0xBDE4_ADA8])
    rng.manualSeed(12)
    let wH = rng.randn([1, 1])
    #expect(bits(wH) == [0xBE5A_F203])
    let wE = rng.randn([4, 1])
    #expect(bits(wE) == [0xBFB0_6114, 0xBD5F_B700, 0x3EE7_3101, 0x3F49_2C2E])

    // Not an RNG value: a float32 dot product summed left to right.
    let step = h0.matmul(wH) + e1.transposed().matmul(wE)
    #expect(bits(step) == [0x3FB6_E3C1])
  }

  /// The lesson's E is the second 4×5 draw after seeding with 13 and drawing h_0.
  @Test func lessonMatrixE() {
    var rng = TorchGenerator(seed: 13, kernel: .avx2)
    _ = rng.randn([1, 1])
    _ = rng.randn([4, 5])
    #expect(rng.wordsDrawn == 40)
    let e = rng.randn([4, 5])
    #expect(
      bits(e) == [
        0x3FA6_C628, 0x3E51_6588, 0xBF6B_9226, 0xBF64_5224, 0x3E80_D480,
        0x3F77_AEE9, 0xBF2F_DCEF, 0x3F67_7B7C, 0x3EA8_39FB, 0xBD97_F78C,
        0x3E10_CC6E, 0xBFA0_7CB8, 0xBEB0_F8C7, 0xBE62_67F6, 0xBF34_4BDA,
        0x3EAC_76F4, 0x3BD0_7FC9, 0x3E6E_37B7, 0x3F73_E46D, 0xBED3_EEE9,
      ])
  }

  /// Any 40 words in place of the first 4×5 draw give the same E, on both kernels, and
  /// the 20 printed values (4 decimals) are the lesson's.
  @Test(arguments: TorchGenerator.Kernel.allCases)
  func lessonMatrixEPrinted(kernel: TorchGenerator.Kernel) {
    var rng = TorchGenerator(seed: 13, kernel: kernel)
    _ = rng.randn([1, 1])
    _ = rng.linear(inFeatures: 8, outFeatures: 4)
    let e = rng.randn([4, 5])
    let printed: [Float] = [
      1.3029, 0.2045, -0.9202, -0.8919, 0.2516,
      0.9675, -0.6870, 0.9042, 0.3286, -0.0742,
      0.1414, -1.2538, -0.3456, -0.2211, -0.7043,
      0.3368, 0.0064, 0.2326, 0.9527, -0.4139,
    ]
    for (value, shown) in zip(e.scalars, printed) {
      #expect((value * 10_000).rounded() / 10_000 == shown, "\(value) prints as \(shown)")
    }
  }
}
