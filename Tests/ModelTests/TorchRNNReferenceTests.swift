import Foundation
import Model
import TestSupport
import Testing

/// The `torch-rnn` variant against `Fixtures/reference/torch_rnn.jsonl`: 8 runs of
/// PyTorch's `nn.RNN` (rnn_reference.py, recorded on an Intel Xeon with AVX-512).
struct TorchRNNReferenceTests {
  static let all: [ReferenceModel] = {
    guard
      let url = Bundle.module.url(
        forResource: "torch_rnn", withExtension: "jsonl", subdirectory: "Fixtures/reference"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return text.split(separator: "\n").compactMap {
      try? decoder.decode(ReferenceModel.self, from: Data($0.utf8))
    }
  }()

  @Test func fileDecodes() {
    #expect(Self.all.count == 8)
    #expect(Self.all.allSatisfy { $0.variant == "torch-rnn" })
  }

  static func build(_ reference: ReferenceModel) throws -> RNNModel {
    try ModelSpec(
      variant: .torchRNN, seed: reference.seed, inputs: reference.inputs,
      hidden: reference.hidden, words: reference.words
    ).build(kernel: .avx2)
  }

  /// The generator's numbers: the same on every processor, so bit for bit.
  @Test(arguments: all)
  func parametersAreBitExact(_ reference: ReferenceModel) throws {
    let model = try Self.build(reference)
    #expect(
      model.parameters.map(\.name) == [
        "embedding.weight", "h0", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
        "rnn.bias_hh_l0",
      ])
    for parameter in model.parameters {
      let expected = try #require(reference.parameters[parameter.name])
      #expect(parameter.value.shape == expected.shape, "\(parameter.name)")
      #expect(bits(parameter.value) == bits(expected.values.map { Float($0) }), "\(parameter.name)")
    }
  }

  /// Sums of products and tanh come from MKL, whose Intel kernels differ from the AMD
  /// ones modelled here: within 1e-5.
  @Test(arguments: all)
  func hiddenStatesAgree(_ reference: ReferenceModel) throws {
    let states = try Self.build(reference).hiddenStates(for: reference.words)
    try #require(states.count == reference.hiddenStates.count)
    for (t, (state, expected)) in zip(states, reference.hiddenStates).enumerated() {
      for (value, wanted) in zip(state.scalars, expected) {
        #expect(abs(Double(value) - wanted) <= 1e-5, "h_\(t): \(value) vs PyTorch \(wanted)")
      }
    }
  }
}
