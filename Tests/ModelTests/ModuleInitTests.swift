import Testing

@testable import Model

/// Module initialisation is an ordering of `uniform_`/`normal_` calls
/// (`docs/pytorch-numbers.md#module-initialisation`); these check the orders and shapes the golden files do not
/// reach (no bias, negative padding index).
struct ModuleInitTests {
  @Test(arguments: [true, false])
  func cellDrawsItsParametersInOrder(bias: Bool) {
    var module = TorchGenerator(seed: 11, kernel: .avx2)
    var manual = module
    let parameters = module.rnnCell(inputSize: 3, hiddenSize: 4, bias: bias)
    let bound = 1 / 4.0.squareRoot()
    var expected = [
      ("weight_ih", [4, 3]), ("weight_hh", [4, 4]),
    ]
    if bias { expected += [("bias_ih", [4]), ("bias_hh", [4])] }
    #expect(parameters.map(\.name) == expected.map(\.0))
    for (parameter, (_, shape)) in zip(parameters, expected) {
      #expect(parameter.value.shape == shape)
      let count = shape.reduce(1, *)
      #expect(parameter.value.scalars == manual.uniform(count: count, from: -bound, to: bound))
    }
    #expect(module.wordsDrawn == manual.wordsDrawn)
  }

  /// One layer: what an `nn.RNN(inputs, hidden)` cell draws, in the order
  /// `named_parameters()` lists it.
  @Test func oneLayerRNNNamesItsParametersByLayer() {
    var rng = TorchGenerator(seed: 3)
    let parameters = rng.rnn(inputSize: 4, hiddenSize: 3)
    #expect(parameters.map(\.name) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
    #expect(parameters.map(\.value.shape) == [[3, 4], [3, 3], [3], [3]])
    #expect(rng.wordsDrawn == 3 * 4 + 3 * 3 + 3 + 3)
  }

  @Test func linearWithoutBiasDrawsOnlyTheWeight() {
    var rng = TorchGenerator(seed: 7)
    let layer = rng.linear(inFeatures: 3, outFeatures: 5, bias: false)
    #expect(layer.bias == nil)
    #expect(layer.weight.shape == [5, 3])
    #expect(rng.wordsDrawn == 15)
  }

  /// The padding row is zeroed after drawing, so the other rows are the plain draw.
  @Test func embeddingPaddingRowFromTheEnd() {
    var padded = TorchGenerator(seed: 5)
    var plain = padded
    let weight = padded.embedding(count: 4, dimension: 5, paddingIndex: -1)
    let reference = plain.embedding(count: 4, dimension: 5)
    #expect(Array(weight.scalars[0..<15]) == Array(reference.scalars[0..<15]))
    #expect(weight.scalars[15...].allSatisfy { $0 == 0 })
    #expect(padded.wordsDrawn == plain.wordsDrawn)
  }

  /// An embedding below 16 elements takes the scalar path and shares its cache.
  @Test func smallEmbeddingUsesTheScalarPath() {
    var rng = TorchGenerator(seed: 12)
    var lesson = rng
    let table = rng.embedding(count: 1, dimension: 5)
    #expect(table.scalars == lesson.randn([5]).scalars)
    #expect(rng.hasCachedNormal)
  }
}
