/// The default initialisation of the `torch.nn` modules the lessons build
/// (`docs/pytorch-numbers.md#module-initialisation`).
///
/// Each draws its parameters in `named_parameters()` order; bounds are computed in
/// binary64 exactly as PyTorch's Python code does, then rounded inside `uniform_`.
extension TorchGenerator {
  /// `nn.Linear(inFeatures, outFeatures, bias:)`: weight `[out, in]`, then bias `[out]`.
  public mutating func linear(inFeatures: Int, outFeatures: Int, bias: Bool = true) -> (
    weight: Tensor, bias: Tensor?
  ) {
    precondition(inFeatures >= 0 && outFeatures >= 0, "negative nn.Linear size")
    // kaiming_uniform_(weight, a=sqrt(5)): the same binary64 steps as torch.nn.init.
    let a = 5.0.squareRoot()
    let gain = (2.0 / (1 + a * a)).squareRoot()
    let std = gain / Double(inFeatures).squareRoot()
    let weightBound = 3.0.squareRoot() * std
    let weight = Tensor(
      shape: [outFeatures, inFeatures],
      scalars: uniform(count: outFeatures * inFeatures, from: -weightBound, to: weightBound))
    guard bias else { return (weight, nil) }
    // Mathematically the same bound, but rounded differently in binary64.
    let biasBound = inFeatures > 0 ? 1 / Double(inFeatures).squareRoot() : 0
    let biasTensor = Tensor(
      shape: [outFeatures], scalars: uniform(count: outFeatures, from: -biasBound, to: biasBound))
    return (weight, biasTensor)
  }

  /// `nn.Embedding(count, dimension)`: its weight `[count, dimension]`, N(0, 1).
  public mutating func embedding(count: Int, dimension: Int) -> Tensor {
    embedding(count: count, dimension: dimension, paddingIndex: nil)
  }

  /// `nn.Embedding(count, dimension, padding_idx=paddingIndex)`: the weight is drawn
  /// first, then the padding row (negative counts from the end) is zeroed, which draws
  /// nothing.
  public mutating func embedding(count: Int, dimension: Int, paddingIndex: Int?) -> Tensor {
    precondition(count >= 0 && dimension >= 0, "negative nn.Embedding size")
    var weight = Tensor(
      shape: [count, dimension], scalars: normal(count: count * dimension))
    if let paddingIndex {
      let row = paddingIndex < 0 ? paddingIndex + count : paddingIndex
      precondition(row >= 0 && row < count, "padding index \(paddingIndex) out of range")
      for k in 0..<dimension { weight.scalars[row * dimension + k] = 0 }
    }
    return weight
  }

  /// `nn.RNNCell(inputSize, hiddenSize, bias:)`: `weight_ih`, `weight_hh`, then `bias_ih`,
  /// `bias_hh`, all U(-1/√H, 1/√H).
  public mutating func rnnCell(inputSize: Int, hiddenSize: Int, bias: Bool = true)
    -> [NamedTensor]
  {
    rnnParameters(inputSize: inputSize, hiddenSize: hiddenSize, suffix: "", bias: bias)
  }

  /// `nn.RNN(inputSize, hiddenSize, numLayers, bias, bidirectional)`: per layer, per
  /// direction, the four parameters of a cell, named `weight_ih_l0`, `weight_hh_l0`,
  /// `bias_ih_l0`, `bias_hh_l0`, …, `bias_hh_l1_reverse`, all U(-1/√H, 1/√H).
  public mutating func rnn(
    inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bias: Bool = true,
    bidirectional: Bool = false
  ) -> [NamedTensor] {
    precondition(numLayers >= 1, "nn.RNN needs at least one layer")
    let directions = bidirectional ? 2 : 1
    var parameters: [NamedTensor] = []
    for layer in 0..<numLayers {
      for direction in 0..<directions {
        parameters += rnnParameters(
          inputSize: layer == 0 ? inputSize : hiddenSize * directions,
          hiddenSize: hiddenSize,
          suffix: "_l\(layer)" + (direction == 1 ? "_reverse" : ""), bias: bias)
      }
    }
    return parameters
  }

  private mutating func rnnParameters(
    inputSize: Int, hiddenSize: Int, suffix: String, bias: Bool
  ) -> [NamedTensor] {
    precondition(inputSize >= 0 && hiddenSize >= 0, "negative recurrent layer size")
    let bound = hiddenSize > 0 ? 1 / Double(hiddenSize).squareRoot() : 0
    var shapes: [(String, [Int])] = [
      ("weight_ih", [hiddenSize, inputSize]), ("weight_hh", [hiddenSize, hiddenSize]),
    ]
    if bias { shapes += [("bias_ih", [hiddenSize]), ("bias_hh", [hiddenSize])] }
    return shapes.map { name, shape in
      let values = uniform(count: shape.reduce(1, *), from: -bound, to: bound)
      return NamedTensor(name + suffix, Tensor(shape: shape, scalars: values))
    }
  }
}
