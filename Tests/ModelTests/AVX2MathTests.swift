import Testing

@testable import Model

/// The test vectors of `docs/pytorch-numbers.md#avx2-kernel`, input bits to output bits.
struct AVX2MathTests {
  @Test(
    arguments: [
      (0x3F80_0000, 0x0000_0000),
      (0x3F00_0000, 0xBF31_7218),
      (0x3F40_0000, 0xBE93_4B10),
      (0x3380_0000, 0xC185_1592),
      (0x3DCC_CCCD, 0xC013_5D8E),
      (0x3F35_04F3, 0xBEB1_7218),
      (0x3F7F_FFFF, 0xB380_0000),
    ] as [(UInt32, UInt32)])
  func log(input: UInt32, output: UInt32) {
    #expect(AVX2Math.log(Float(bitPattern: input)).bitPattern == output)
  }

  @Test(
    arguments: [
      (0x0000_0000, 0x0000_0000, 0x3F80_0000),
      (0x3F00_0000, 0x3EF5_7744, 0x3F60_A940),
      (0x3F80_0000, 0x3F57_6AA4, 0x3F0A_5140),
      (0x4000_0000, 0x3F68_C7B7, 0xBED5_1132),
      (0x4049_0FDB, 0xB3BB_BD2E, 0xBF80_0000),
      (0x4080_0000, 0xBF41_BDCF, 0xBF27_5530),
      (0x40B0_0000, 0xBF34_9E4A, 0x3F35_6B62),
      (0x40C9_0FDA, 0xB4A2_2169, 0x3F80_0000),
    ] as [(UInt32, UInt32, UInt32)])
  func sincos(input: UInt32, sine: UInt32, cosine: UInt32) {
    let result = AVX2Math.sincos(Float(bitPattern: input))
    #expect(result.sin.bitPattern == sine)
    #expect(result.cos.bitPattern == cosine)
  }
}
