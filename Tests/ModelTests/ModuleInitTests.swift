import Testing

@testable import Model

/// Module initialisation is an ordering of `uniform_`/`normal_` calls
/// (`docs/pytorch-numbers.md#module-initialisation`); these
/// check the orders and shapes the golden files do not reach (LSTM, GRU, no bias,
/// negative padding index).
struct ModuleInitTests {
  @Test(arguments: RecurrentKind.allCases, [true, false])
  func cellDrawsItsParametersInOrder(kind: RecurrentKind, bias: Bool) {
    var module = TorchGenerator(seed: 11, kernel: .avx2)
    var manual = module
    let parameters = module.rnnCell(inputSize: 3, hiddenSize: 4, bias: bias, kind: kind)
    let rows = kind.gates * 4
    let bound = 1 / 4.0.squareRoot()
    var expected = [
      ("weight_ih", [rows, 3]), ("weight_hh", [rows, 4]),
    ]
    if bias { expected += [("bias_ih", [rows]), ("bias_hh", [rows])] }
    #expect(parameters.map(\.name) == expected.map(\.0))
    for (parameter, (_, shape)) in zip(parameters, expected) {
      #expect(parameter.value.shape == shape)
      let count = shape.reduce(1, *)
      #expect(parameter.value.scalars == manual.uniform(count: count, from: -bound, to: bound))
    }
    #expect(module.wordsDrawn == manual.wordsDrawn)
  }

  @Test func stackedBidirectionalGRUNamesAndShapes() {
    var rng = TorchGenerator(seed: 3)
    let parameters = rng.recurrent(
      .gru, inputSize: 2, hiddenSize: 3, numLayers: 2, bidirectional: true)
    #expect(parameters.count == 16)
    #expect(parameters[4].name == "weight_ih_l0_reverse")
    #expect(parameters[8].name == "weight_ih_l1")
    #expect(parameters[8].value.shape == [9, 6])
    #expect(parameters[15].name == "bias_hh_l1_reverse")
    #expect(rng.wordsDrawn == 2 * (9 * 2 + 9 * 3 + 18) + 2 * (9 * 6 + 9 * 3 + 18))
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
