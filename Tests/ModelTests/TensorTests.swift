import Testing

@testable import Model

/// The arithmetic's rounding order, checked against PyTorch's own bits.
@Suite struct TensorTests {
  static func float(_ bits: UInt32) -> Float { Float(bitPattern: bits) }

  /// `docs/pytorch-numbers.md#lesson-numbers`: `mm(h_0, w_h) + mm(e_1.T, w_e)` is 0x3FB6E3C1 in PyTorch; other
  /// summation orders give 0x3FB6E3C0 or 0x3FB6E3C2.
  @Test func lessonOneStepMatchesPyTorchBits() {
    let h0 = Tensor(shape: [1, 1], scalars: [Self.float(0xBDE4_ADA8)])
    let wH = Tensor(shape: [1, 1], scalars: [Self.float(0xBE5A_F203)])
    let e1 = Tensor(
      shape: [4, 1],
      scalars: [0xBF34_A515, 0x3F2C_930A, 0xBF0B_9CA0, 0x3F69_2520].map(Self.float))
    let wE = Tensor(
      shape: [4, 1],
      scalars: [0xBFB0_6114, 0xBD5F_B700, 0x3EE7_3101, 0x3F49_2C2E].map(Self.float))
    let h1 = h0.matmul(wH) + e1.transposed().matmul(wE)
    #expect(h1.shape == [1, 1])
    #expect(h1.scalars[0].bitPattern == 0x3FB6_E3C1)
  }

  @Test func matmulShapesAndValues() {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
    let c = a.matmul(b)
    #expect(c.shape == [2, 2])
    #expect(c.scalars == [58, 64, 139, 154])
  }

  @Test func matmulTransposedEqualsMatmulOfTranspose() {
    let x = Tensor(shape: [1, 3], scalars: [0.5, -1.25, 2])
    let w = Tensor(shape: [2, 3], scalars: [1, 2, 3, -4, 5, -6])
    #expect(x.matmulTransposed(w) == x.matmul(w.transposed()))
    #expect(x.matmulTransposed(w).scalars == [4, -20.25])
  }

  @Test func biasBroadcastsOverRows() {
    let x = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    let bias = Tensor(shape: [2], scalars: [10, 20])
    #expect((x + bias).scalars == [11, 22, 13, 24])
    #expect((x + bias).shape == [2, 2])
  }

  @Test func rowAndTranspose() {
    let m = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(m.row(1) == Tensor(shape: [1, 3], scalars: [4, 5, 6]))
    #expect(m.transposed() == Tensor(shape: [3, 2], scalars: [1, 4, 2, 5, 3, 6]))
    #expect(m.shapeDescription == "(2×3)")
  }

  /// Summing from the first product keeps the sign of a negative zero, as BLAS does.
  @Test func dotOfNegativeZerosStaysNegative() {
    let a = Tensor(shape: [1, 1], scalars: [-0.0])
    let b = Tensor(shape: [1, 1], scalars: [1])
    #expect(a.matmul(b).scalars[0].sign == .minus)
  }

  @Test func tanhIsBoundedAndOdd() {
    let t = Tensor(shape: [1, 3], scalars: [-20, 0.5, 20]).tanh()
    #expect(t.scalars[0] == -1)
    #expect(t.scalars[2] == 1)
    #expect(abs(t.scalars[1] - 0.462_117_16) < 1e-7)
  }
}
