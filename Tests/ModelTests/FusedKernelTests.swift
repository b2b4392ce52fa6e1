import FusedKernels
import Testing

@testable import Model

/// The loss's exponentials in C (Sources/FusedKernels) against `TorchKernels.exp`, the
/// Swift reference, bit for bit: over the ranges the loss meets, the edges of exp's
/// range, and values that are not finite.
@Suite struct FusedKernelTests {
  /// Every 997th float32 bit pattern of [-110, 110] (about 2 million), the edges of the
  /// range and the non-finite values.
  static let inputs: [Float] = {
    var values: [Float] = [
      0, -0, 1, -1, 88.72, 88.73, 89, 100, 100.000008, -103.9, -104, -104.00001, 150, -150,
      .infinity, -.infinity, .nan, .leastNormalMagnitude, -.leastNonzeroMagnitude,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    ]
    for sign in [Float(1), -1] {
      var bits: UInt32 = 0
      while true {
        let x = Float(bitPattern: bits)
        guard x <= 110 else { break }
        values.append(sign * x)
        bits += 997
      }
    }
    return values
  }()

  @Test func expIsTheReferenceBitForBit() {
    for shift in [Float(0), 3.25, -17.5] {
      let fused = TorchKernels.exp(Self.inputs, minus: shift)
      let mismatches = Self.inputs.indices.filter {
        let want = TorchKernels.exp(Self.inputs[$0] - shift)
        return fused[$0].bitPattern != want.bitPattern && !(fused[$0].isNaN && want.isNaN)
      }
      let first = mismatches.first.map { Self.inputs[$0] } ?? 0
      #expect(mismatches.isEmpty, "shift \(shift): first at \(first)")
    }
  }

  @Test func logSoftmaxBackwardIsTheReferenceBitForBit() {
    let logp = Self.inputs.map { -abs($0) }
    let start = logp.indices.map { Float($0 % 7) * -0.125 }
    for total in [Float(-1), -0.001, 3] {
      var fused = start
      TorchKernels.logSoftmaxBackward(logp, total: total, into: &fused)
      let mismatches = logp.indices.filter {
        let want = start[$0].addingProduct(-TorchKernels.exp(logp[$0]), total)
        return fused[$0].bitPattern != want.bitPattern && !(fused[$0].isNaN && want.isNaN)
      }
      #expect(mismatches.isEmpty, "total \(total): \(mismatches.count) differ")
    }
  }
}

/// The head's weight gradient summed in place, eight columns at a time, against the
/// term made whole and added: the same bits.
@Suite struct GradientSumTests {
  @Test(arguments: [1, 8, 19])
  func anOuterProductAddedInPlaceIsTheTermAdded(columns: Int) {
    var generator = TorchGenerator(seed: 3)
    var inPlace = GradientSum()
    var whole = GradientSum()
    for _ in 0..<4 {
      let g = generator.randn([1, 7])
      let x = generator.randn([1, columns])
      inPlace.addOuter(g, x)
      whole.add(Backward.outerTransposed(x, g))
    }
    let (a, b) = (inPlace.value!, whole.value!)
    #expect(a.shape == b.shape)
    #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
  }
}

/// The logits' maximum, eight lanes at a time, against `Sequence.max()`, bit for bit:
/// where the largest value is a zero of either sign, or NaNs sit where a lane begins.
@Suite struct LogitsMaximumTests {
  static func same(_ values: [Float]) -> Bool {
    let expected = values.max() ?? 0
    let found = TorchKernels.maximum(values)
    return found.bitPattern == expected.bitPattern || (found.isNaN && expected.isNaN)
  }

  @Test func theMaximumIsTheSequencesBitForBit() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 7, 15, 16, 17, 23, 64, 1000, 1003] {
      let random = (0..<count).map { _ in Float.random(in: -5...5, using: &generator) }
      #expect(Self.same(random), "\(count) random values")
      // Zeros of both signs the largest, in either order.
      let negatives = (0..<count).map { _ in -Float.random(in: 1...5, using: &generator) }
      for (i, j) in [(0, count - 1), (count - 1, 0), (3, 9), (9, 3)] where i < count && j < count {
        var values = negatives
        values[i] = -0.0
        values[j] = 0.0
        #expect(Self.same(values), "zeros at \(i) and \(j) of \(count)")
      }
      // A NaN where a lane begins hides nothing, nor does one after the start.
      for position in [0, 3, 9] where position < count {
        var values = random
        values[position] = .nan
        #expect(Self.same(values), "NaN at \(position) of \(count)")
      }
      if count > 0 {
        var values = random
        values[count - 1] = .infinity
        #expect(Self.same(values), "+inf last of \(count)")
      }
    }
  }
}

/// The prediction head's products in C, vector and portable forms, against the Swift
/// reference (`MKLGemv.dot`, an element-by-element outer product), bit for bit.
@Suite struct HeadKernelTests {
  static func random(_ count: Int, _ generator: inout some RandomNumberGenerator) -> [Float] {
    (0..<count).map { _ in Float.random(in: -2...2, using: &generator) }
  }

  @Test func groupDotsAreMKLsSums() {
    var generator = SystemRandomNumberGenerator()
    for (k, n) in [(1, 8), (3, 12), (4, 16), (5, 20), (8, 1000), (16, 1000), (17, 36), (33, 44)] {
      let w = Self.random(n * k, &generator)
      var x = Self.random(k, &generator)
      x[0] = -0.0  // a sum that starts at -0 must stay as the scalar form leaves it
      let bias = Self.random(n, &generator)
      let columns = Tensor(shape: [n, k], scalars: w).transposed().scalars
      let gemv = MKLGemv(count: k, outputs: n, inputOffset: 0)
      let head = k <= 4 ? k : k - (k - 1) / 4 * 4
      let expected = (0..<n).map { j in
        w.withUnsafeBufferPointer { w in
          x.withUnsafeBufferPointer { gemv.dot(output: j, w.baseAddress! + j * k, $0.baseAddress!) }
        } + bias[j]
      }
      let grouped = n / 4 * 4
      for portable in [false, true] {
        var out = [Float](repeating: .nan, count: grouped)
        if portable {
          rnntrace_group_dots_portable(columns, n, x, k, head, bias, &out, grouped)
        } else {
          rnntrace_group_dots(columns, n, x, k, head, bias, &out, grouped)
        }
        #expect(
          out.map(\.bitPattern) == expected[0..<grouped].map(\.bitPattern),
          "k \(k), n \(n), portable \(portable)")
      }
    }
  }

  @Test func outerProductsAddAsTheScalarForm() {
    var generator = SystemRandomNumberGenerator()
    for (m, n) in [(1, 1), (3, 7), (10, 16), (1000, 16), (5, 33)] {
      let g = Self.random(m, &generator)
      let x = Self.random(n, &generator)
      let start = Self.random(m * n, &generator)
      for first in [true, false] {
        let expected = (0..<m * n).map { index in
          let product = g[index / n] * x[index % n]
          return first ? product : start[index] + product
        }
        for portable in [false, true] {
          var sum = start
          if portable {
            rnntrace_add_outer_portable(&sum, g, m, x, n, first ? 1 : 0)
          } else {
            rnntrace_add_outer(&sum, g, m, x, n, first ? 1 : 0)
          }
          #expect(
            sum.map(\.bitPattern) == expected.map(\.bitPattern),
            "\(m)×\(n), first \(first), portable \(portable)")
        }
      }
    }
  }
}
