import TestSupport
import Testing

@testable import Model

/// Replays every case of the golden files recorded from PyTorch and compares every
/// value bit for bit: `bits` on the AVX2 kernel, `bits_generic` (else `bits`) on the
/// generic one.
struct GoldenReplayTests {
  @Test func filesDecode() throws {
    var total = 0
    for name in GoldenFile.names {
      let file = try GoldenFile.load(name)
      #expect(file.set == name)
      #expect(file.cases.count == file.stats.cases)
      let elements = file.cases.flatMap(\.calls).flatMap(\.tensors).map(\.bits.count)
      #expect(elements.reduce(0, +) == file.stats.elements)
      total += file.cases.count
    }
    #expect(GoldenFile.allCases.count == total)
  }

  @Test(arguments: GoldenFile.allCases, TorchGenerator.Kernel.allCases)
  func replay(_ golden: GoldenCase, kernel: TorchGenerator.Kernel) throws {
    var rng = TorchGenerator(seed: golden.seed, kernel: kernel)
    #expect(rng.initialSeed == golden.seed)
    for (index, call) in golden.calls.enumerated() {
      let produced = try Self.run(call, on: &rng)
      let expected = call.tensors
      try #require(
        produced.map(\.name) == expected.map(\.name), "call \(index) (\(call.op)): names")
      for (tensor, golden) in zip(produced, expected) {
        #expect(tensor.value.shape == golden.shape, "call \(index) \(golden.name): shape")
        #expect(
          bits(tensor.value) == golden.expectedBits(kernel),
          "call \(index) (\(call.op)) \(golden.name): bits")
      }
      if let state = call.stateAfter {
        #expect(rng.wordsDrawn == state.wordsDrawn, "call \(index): words drawn")
        #expect(rng.hasCachedNormal == state.cachedNormalPending, "call \(index): cache")
      }
    }
  }

  /// Performs one recorded call on `rng`, naming the results as PyTorch does.
  static func run(_ call: GoldenCall, on rng: inout TorchGenerator) throws -> [NamedTensor] {
    func required<T>(_ value: T?, _ field: String) throws -> T {
      try #require(value, "\(call.op) without \(field)")
    }
    switch call.op {
    case "randn":
      return [NamedTensor("out", rng.randn(try required(call.shape, "shape")))]
    case "normal_":
      let shape = try required(call.shape, "shape")
      let values = rng.normal(
        count: shape.reduce(1, *), mean: call.mean ?? 0, std: call.std ?? 1)
      return [NamedTensor("out", Tensor(shape: shape, scalars: values))]
    case "uniform_":
      let shape = try required(call.shape, "shape")
      let values = rng.uniform(count: shape.reduce(1, *), from: call.a ?? 0, to: call.b ?? 1)
      return [NamedTensor("out", Tensor(shape: shape, scalars: values))]
    case "nn.Linear":
      let layer = rng.linear(
        inFeatures: try required(call.inFeatures, "in_features"),
        outFeatures: try required(call.outFeatures, "out_features"), bias: call.bias ?? true)
      return [NamedTensor("weight", layer.weight)]
        + (layer.bias.map { [NamedTensor("bias", $0)] } ?? [])
    case "nn.Embedding":
      let weight = rng.embedding(
        count: try required(call.numEmbeddings, "num_embeddings"),
        dimension: try required(call.embeddingDim, "embedding_dim"),
        paddingIndex: call.paddingIdx)
      return [NamedTensor("weight", weight)]
    case "nn.RNNCell":
      return rng.rnnCell(
        inputSize: try required(call.inputSize, "input_size"),
        hiddenSize: try required(call.hiddenSize, "hidden_size"), bias: call.bias ?? true)
    case "nn.RNN":
      return rng.rnn(
        inputSize: try required(call.inputSize, "input_size"),
        hiddenSize: try required(call.hiddenSize, "hidden_size"),
        numLayers: call.numLayers ?? 1, bias: call.bias ?? true,
        bidirectional: call.bidirectional ?? false)
    default:
      Issue.record("unknown golden op \(call.op)")
      return []
    }
  }
}
