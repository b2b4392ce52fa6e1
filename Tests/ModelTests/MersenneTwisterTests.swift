import Testing

@testable import Model

struct MersenneTwisterTests {
  /// `docs/pytorch-numbers.md#raw-draws`: the first five words, identical to C++ `std::mt19937`.
  @Test(
    arguments: [
      (UInt32(0), [2_357_136_044, 2_546_248_239, 3_071_714_933, 3_626_093_760, 2_588_848_963]),
      (5489, [3_499_211_612, 581_869_302, 3_890_346_734, 3_586_334_585, 545_404_204]),
      (12, [662_124_363, 1_916_507_803, 3_178_489_222, 3_751_169_277, 1_130_929_393]),
      (13, [3_340_206_418, 2_608_511_152, 1_020_231_754, 3_691_240_976, 3_540_249_318]),
      (15, [3_645_644_232, 3_494_301_429, 768_352_140, 2_539_850_373, 233_488_247]),
    ] as [(UInt32, [UInt32])])
  func firstWords(seed: UInt32, words: [UInt32]) {
    var engine = MersenneTwister(seed: seed)
    #expect((0..<5).map { _ in engine.next() } == words)
  }

  /// The 10000th word of `std::mt19937` with the default seed 5489 is 4123659995 (C++
  /// standard, [rand.predef]); it crosses sixteen twists.
  @Test func tenThousandthWordOfDefaultSeed() {
    var engine = MersenneTwister(seed: 5489)
    for _ in 1..<10_000 { _ = engine.next() }
    #expect(engine.next() == 4_123_659_995)
  }

  /// The bulk fill must produce the same stream as single draws, across twists.
  @Test func bulkFillMatchesSingleDraws() {
    var single = MersenneTwister(seed: 7)
    var bulk = single
    let expected = (0..<2000).map { _ in single.next() }
    var words = [UInt32](repeating: 0, count: 1500)
    words.withUnsafeMutableBufferPointer { bulk.fill($0) }
    let rest = (0..<500).map { _ in bulk.next() }
    #expect(words + rest == expected)
  }
}

struct RawDrawTests {
  /// `docs/pytorch-numbers.md#raw-draws`, seed 0.
  @Test func uniformFloatsOfSeedZero() {
    var rng = TorchGenerator(seed: 0)
    #expect(rng.next32() == 0x8C7F_0AAC)
    #expect(rng.next32() == 0x97C4_AA2F)
    rng.manualSeed(0)
    #expect(rng.uniformFloat() == 0.496_256_589_889_526_37)
    #expect(rng.uniformFloat() == 0.768_221_795_558_929_4)
    #expect(rng.uniformFloat() == 0.088_477_432_727_813_72)
  }

  @Test func uniformDoublesOfSeedZero() {
    var rng = TorchGenerator(seed: 0)
    #expect(rng.uniformDouble() == 0.970_053_001_806_553_1)
    #expect(rng.uniformDouble() == 0.707_819_864_399_788)
    #expect(rng.wordsDrawn == 4)
  }

  /// The first word drawn is the high half.
  @Test func next64PutsTheFirstWordHigh() {
    var rng = TorchGenerator(seed: 0)
    #expect(rng.next64() == 0x8C7F_0AAC_97C4_AA2F)
  }
}
