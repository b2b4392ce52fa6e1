import Model

/// The `linear-tanh` recurrence written straight on tensors, with no tracer: the
/// yardstick for "tracing that is off costs nothing". Same word lookup, same tensor
/// operations, in the same order as `LinearTanhCell`.
public struct PlainLinearTanh {
  public let embedding: Tensor
  public let inputWeight: Tensor
  public let inputBias: Tensor
  public let hiddenWeight: Tensor
  public let hiddenBias: Tensor
  public let model: RNNModel

  public init(_ model: RNNModel) {
    guard let cell = model.cell as? LinearTanhCell else {
      fatalError("the plain recurrence is written for linear-tanh")
    }
    self.model = model
    self.embedding = model.embedding
    let parameters = cell.parameterValues
    self.inputWeight = parameters[0]
    self.inputBias = parameters[1]
    self.hiddenWeight = parameters[2]
    self.hiddenBias = parameters[3]
  }

  public func run(_ words: [String]) -> Tensor {
    var h = model.h0
    for word in words {
      guard let index = model.index(of: word) else { fatalError("\(word) has no row") }
      let e = embedding.row(index)
      let input = e.matmulTransposed(inputWeight) + inputBias
      let recurrent = h.matmulTransposed(hiddenWeight) + hiddenBias
      h = (recurrent + input).tanh()
    }
    return h
  }
}
