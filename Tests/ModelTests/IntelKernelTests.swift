import Foundation
import TestSupport
import Testing

@testable import Model

/// The `intel-avx512` kernel family against PyTorch's own bits.
///
/// - `Fixtures/reference/models-intel-avx512.jsonl`: 60 forward runs of the three variants
///   (sizes up to 64) recorded by `rnn_reference.py` with PyTorch 2.15 on an Intel Xeon
///   with AVX-512.
/// - `Fixtures/torch-intel-avx512/products.jsonl` (`scripts/generate_intel_products_fixture.py`)
///   and `Fixtures/torch-tanh/intel-avx512.txt` (`scripts/generate_tanh_fixture.py`):
///   136 `torch.mm` and `nn.Linear` products (k up to 297, n up to 97, the input at
///   offsets 0–4) and 572 hard tanh inputs, recorded with PyTorch 2.15 running MKL's
///   Intel paths (see the scripts).
@Suite struct IntelKernelTests {
  static let intelModels: [ReferenceModel] =
    (try? ReferenceModel.loadAll(named: "models-intel-avx512")) ?? []

  @Test func intelGoldenFileDecodes() throws {
    #expect(try ReferenceModel.loadAll(named: "models-intel-avx512").count == 60)
  }

  /// Every hidden state of every run, bit for bit, from the recorded parameters.
  @Test(arguments: intelModels)
  func hiddenStatesAreBitExact(_ reference: ReferenceModel) throws {
    let states = try Self.run(reference, family: .intelAVX512)
    let expected = reference.hiddenStates.map { bits($0.map { Float($0) }) }
    #expect(states.map { bits($0) } == expected)
  }

  /// The AMD family gets most of them wrong: the test above could fail.
  @Test func amdFamilyDiffersOnIntelRuns() throws {
    var differing = 0
    for reference in Self.intelModels {
      let states = try Self.run(reference, family: .amd)
      let expected = reference.hiddenStates.map { bits($0.map { Float($0) }) }
      if states.map({ bits($0) }) != expected { differing += 1 }
    }
    #expect(differing >= 40)
  }

  /// The recurrence of `rnn_reference.py` with the recorded parameters.
  static func run(_ reference: ReferenceModel, family: KernelFamily) throws -> [Tensor] {
    func parameter(_ name: String) throws -> Tensor {
      let p = try #require(reference.parameters[name], "no \(name)")
      return Tensor(shape: p.shape, scalars: p.values.map { Float($0) })
    }
    let embedding = try parameter("embedding.weight")
    var h = try parameter("h0")
    var states = [h]
    for word in reference.words {
      let e = embedding.row(try #require(reference.vocabulary.firstIndex(of: word)))
      switch reference.variant {
      case "linear":
        h =
          h.matmul(try parameter("w_h"), family: family)
          + e.matmul(try parameter("w_e"), family: family)
      case "raw-tanh":
        let input = e.matmul(try parameter("We"), family: family).tanh(family: family)
        h = (h.matmul(try parameter("Wh"), family: family) + input).tanh(family: family)
      default:
        let recurrent =
          h.matmulTransposed(try parameter("Wh.weight"), family: family)
          + (try parameter("Wh.bias"))
        let input =
          e.matmulTransposed(try parameter("We.weight"), family: family)
          + (try parameter("We.bias"))
        h = (recurrent + input).tanh(family: family)
      }
      states.append(h)
    }
    return states
  }

  struct Product: Decodable, Sendable, CustomTestStringConvertible {
    let seed: UInt64
    let k: Int
    let n: Int
    let offset: Int
    let mm: [String]
    let linear: [String]

    var testDescription: String { "k \(k) n \(n) offset \(offset)" }

    /// The script's `values`: xorshift64* words made into exact float32 values.
    static func values(seed: UInt64, count: Int) -> [Float] {
      var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
      if state == 0 { state = 1 }
      return (0..<count).map { _ in
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        let word = state &* 0x2545_F491_4F6C_DD1D
        let mantissa = Int64((word >> 40) & 0xFF_FFFF) - (1 << 23)
        let exponent = Int((word >> 20) & 7) - 4
        return Float(
          Double(mantissa) * Double(sign: .plus, exponent: exponent - 23, significand: 1))
      }
    }
  }

  static let products: [Product] = {
    guard
      let url = Bundle.module.url(
        forResource: "products", withExtension: "jsonl",
        subdirectory: "Fixtures/torch-intel-avx512"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(Product.self, from: Data($0.utf8))
    }
  }()

  @Test func productsFixtureLoads() {
    #expect(Self.products.count == 136)
  }

  /// `torch.mm` and `nn.Linear` (with the input at its storage offset), bit for bit.
  @Test(arguments: products)
  func productsAreBitExact(_ c: Product) {
    let v = Product.values(seed: c.seed, count: c.offset + c.k + c.k * c.n + c.n)
    var x = Tensor(shape: [1, c.k], scalars: Array(v[c.offset..<c.offset + c.k]))
    x.storageOffset = c.offset
    let w = Array(v[c.offset + c.k..<c.offset + c.k + c.k * c.n])
    let b = Tensor(shape: [c.n], scalars: Array(v[(c.offset + c.k + c.k * c.n)...]))
    let expectedMM = c.mm.map { UInt32($0, radix: 16) ?? 0 }
    let expectedLinear = c.linear.map { UInt32($0, radix: 16) ?? 0 }
    let mm = x.matmul(Tensor(shape: [c.k, c.n], scalars: w), family: .intelAVX512)
    #expect(bits(mm) == expectedMM, "mm")
    let linear = x.matmulTransposed(Tensor(shape: [c.n, c.k], scalars: w), family: .intelAVX512)
    #expect(bits(linear + b) == expectedLinear, "linear")
  }

  static let tanhCases: [TorchTanhTests.Case] =
    (try? TorchTanhTests.loadCases(named: "intel-avx512")) ?? []

  @Test func tanhFixtureLoads() {
    #expect(Self.tanhCases.count == 572)
  }

  /// Hard inputs, NaNs included, with the Intel table; the AMD table gets some wrong.
  @Test func tanhIsBitExact() {
    var amdDiffers = 0
    for c in Self.tanhCases {
      let x = Float(bitPattern: c.input)
      let got = TorchTanh.tanh(x, family: .intelAVX512).bitPattern
      #expect(got == c.output, "\(c.testDescription) = \(String(got, radix: 16))")
      if TorchTanh.tanh(x, family: .amd).bitPattern != c.output { amdDiffers += 1 }
    }
    #expect(amdDiffers >= 100)
  }

  /// The compiled-in table decodes to the counts its generator reported.
  @Test func intelFlipTableIsComplete() {
    #expect(TorchTanh.intelAVX512Flips.starts.count == 714_488)
    #expect(TorchTanh.intelAVX512Flips.count == 803_349)
  }

  /// The detection follows MKL: Intel with AVX-512 only; an AMD with AVX-512 stays `amd`.
  @Test func detectionFollowsMKL() {
    let intel = Processor.parse(
      cpuinfo: "vendor_id\t: GenuineIntel\nflags\t\t: fpu sse avx2 avx512f avx512bw\n")
    #expect(intel == Processor(vendor: "GenuineIntel", hasAVX512F: true))
    #expect(intel.kernelFamily == .intelAVX512)
    let amd = Processor.parse(cpuinfo: "vendor_id\t: AuthenticAMD\nflags\t\t: avx2 avx512f\n")
    #expect(amd.kernelFamily == .amd)
    let oldIntel = Processor.parse(cpuinfo: "vendor_id\t: GenuineIntel\nflags\t\t: avx2 fma\n")
    #expect(oldIntel.kernelFamily == .amd)
    #expect(Processor.parse(cpuinfo: "processor\t: 0\nBogoMIPS\t: 50.00\n").kernelFamily == .amd)
  }
}

/// Models built with `kernels: .intelAVX512` compute the Intel golden runs through the
/// cells, traced or not.
@Suite struct IntelModelTests {
  @Test(arguments: IntelKernelTests.intelModels)
  func builtModelsMatchTheIntelRuns(_ reference: ReferenceModel) throws {
    let variant = try #require(Variant(rawValue: reference.variant))
    let spec = ModelSpec(
      variant: variant, seed: reference.seed, inputs: reference.inputs,
      hidden: reference.hidden, words: reference.words)
    let model = try spec.build(kernel: .avx2, kernels: .intelAVX512)
    #expect(model.kernels == .intelAVX512)
    let states = model.hiddenStates(for: reference.words)
    let expected = reference.hiddenStates.map { bits($0.map { Float($0) }) }
    #expect(states.map { bits($0) } == expected)
    #expect(model.trace(reference.words).hiddenStates == states)
  }
}

/// The drill's running sums on the Intel kernels end at the product's result, bit for bit.
@Suite struct IntelRunningSumTests {
  @Test(arguments: [(3, 5), (13, 16), (20, 17), (40, 6)])
  func lastRunningSumIsTheResult(k: Int, n: Int) {
    let v = IntelKernelTests.Product.values(seed: UInt64(k * 100 + n), count: k + k * n)
    let x = Tensor(shape: [1, k], scalars: Array(v[0..<k]))
    let w = Array(v[k...])
    let gemm = x.matmul(Tensor(shape: [k, n], scalars: w), family: .intelAVX512)
    let gemv = x.matmulTransposed(Tensor(shape: [n, k], scalars: w), family: .intelAVX512)
    for output in 0..<n {
      let sums = Tensor.runningSums(
        .intelAVX512Gemm, x, Tensor(shape: [k, n], scalars: w), output: output)
      #expect(sums.count == k)
      #expect(sums.last?.bitPattern == gemm.scalars[output].bitPattern)
      let linear = Tensor.runningSums(
        .intelAVX512Gemv, x, Tensor(shape: [n, k], scalars: w), output: output)
      #expect(linear.last?.bitPattern == gemv.scalars[output].bitPattern)
    }
  }
}
