import Foundation
import Model
import TestSupport
import Testing

/// One line of `Fixtures/reference/models.jsonl`: an ad-hoc model built and run by PyTorch
/// as `docs/pytorch-numbers.md#model-draws` describes, its parameters and hidden states.
struct ReferenceModel: Decodable, Sendable, CustomTestStringConvertible {
  struct Parameter: Decodable, Sendable {
    let shape: [Int]
    let values: [Double]
  }

  let variant: String
  let seed: UInt64
  let inputs: Int
  let hidden: Int
  let words: [String]
  let vocabulary: [String]
  let parameters: [String: Parameter]
  let hiddenStates: [[Double]]

  var testDescription: String {
    "\(variant) seed \(seed) inputs \(inputs) hidden \(hidden) (\(words.count) words)"
  }

  static func loadAll(named name: String = "models") throws -> [ReferenceModel] {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "jsonl", subdirectory: "Fixtures/reference"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map {
      try decoder.decode(ReferenceModel.self, from: Data($0.utf8))
    }
  }

  /// Every configuration; empty if the file cannot be read, which `fileDecodes` reports.
  static let all: [ReferenceModel] = (try? loadAll()) ?? []
}

/// Builds every reference configuration with `ModelSpec` and compares it with PyTorch:
/// parameters bit for bit (they come from the generator), hidden states within a few
/// ulps (PyTorch's BLAS may sum a product in another order).
struct ReferenceModelTests {
  @Test func fileDecodes() throws {
    #expect(try ReferenceModel.loadAll().count == 8)
  }

  @Test(arguments: ReferenceModel.all)
  func parametersAreBitExact(_ reference: ReferenceModel) throws {
    let model = try build(reference)
    #expect(model.vocabulary == reference.vocabulary)
    let names = model.parameters.map(\.name)
    #expect(Set(names) == Set(reference.parameters.keys))
    #expect(names.count == reference.parameters.count)
    for parameter in model.parameters {
      let expected = try #require(reference.parameters[parameter.name])
      #expect(parameter.value.shape == expected.shape, "\(parameter.name): shape")
      #expect(
        bits(parameter.value) == bits(expected.values.map { Float($0) }),
        "\(parameter.name): bits")
    }
  }

  @Test(arguments: ReferenceModel.all)
  func hiddenStatesMatch(_ reference: ReferenceModel) throws {
    let model = try build(reference)
    let states = model.hiddenStates(for: reference.words)
    try #require(states.count == reference.hiddenStates.count)
    for (t, (state, expected)) in zip(states, reference.hiddenStates).enumerated() {
      try #require(state.scalars.count == expected.count, "h_\(t): size")
      for (value, wanted) in zip(state.scalars, expected.map { Float($0) }) {
        // Tolerance: 4 float32 ulps, or 1e-6 absolute near zero, where an ulp is tiny
        // and a different summation order shows as absolute, not relative, error.
        let close = ulpDistance(value, wanted) <= 4 || abs(value - wanted) <= 1e-6
        #expect(close, "h_\(t): \(value) vs PyTorch \(wanted)")
      }
    }
  }

  /// `Tensor.matmul` sums in the order of PyTorch's `mm` here, `matmulTransposed` in that
  /// of MKL's matrix-vector kernel behind `nn.Linear` (with the embedding row's storage
  /// offset), and `Tensor.tanh` is torch's bit for bit, so every hidden state is PyTorch's
  /// bit for bit. The tolerance above stays for machines whose MKL picks other kernels.
  @Test(arguments: ReferenceModel.all)
  func hiddenStatesAreBitExact(_ reference: ReferenceModel) throws {
    let model = try build(reference)
    let states = model.hiddenStates(for: reference.words)
    let expected = reference.hiddenStates.map { bits($0.map { Float($0) }) }
    #expect(states.map { bits($0) } == expected)
  }

  /// The trace reports the same hidden states as the bare run.
  @Test(arguments: ReferenceModel.all)
  func traceAgreesWithHiddenStates(_ reference: ReferenceModel) throws {
    let model = try build(reference)
    #expect(model.trace(reference.words).hiddenStates == model.hiddenStates(for: reference.words))
  }

  private func build(_ reference: ReferenceModel) throws -> RNNModel {
    let variant = try #require(Variant(rawValue: reference.variant))
    let spec = ModelSpec(
      variant: variant, seed: reference.seed, inputs: reference.inputs,
      hidden: reference.hidden, words: reference.words)
    // The reference was recorded with an x86-64 AVX2 wheel.
    return try spec.build(kernel: .avx2)
  }
}
