import Model

extension RNNModel {
  /// The model a log's header describes, refusing words outside its vocabulary.
  public init(header: TraceHeader) throws(ParameterError) {
    try self.init(
      variant: header.variant, inputs: header.inputs, hidden: header.hidden,
      vocabulary: header.vocabulary, parameters: header.modelParameters)
    kernels = header.kernels
    for (i, word) in header.words.enumerated() where index(of: word) == nil {
      throw ParameterError(
        "word \(i + 1) of \"words\", \(quoted(word)), is not in the vocabulary, so it has no embedding"
      )
    }
  }
}

extension PredictionHead {
  /// The prediction head a log's header describes: `head.weight` `[V, hidden]` and
  /// `head.bias` `[V]`, finite.
  public init(header: TraceHeader) throws(ParameterError) {
    let v = header.vocabulary.count
    func find(_ name: String, _ shape: [Int]) throws(ParameterError) -> Tensor {
      guard let tensor = header.parameters.first(where: { $0.name == name })?.value else {
        throw ParameterError(
          "a log with \"loss\" needs a parameter \"\(name)\" of shape \(shape); the header has none"
        )
      }
      guard tensor.shape == shape else {
        throw ParameterError(
          "the parameter \"\(name)\" has shape \(tensor.shape), but \(v) vocabulary words and hidden \(header.hidden) need \(shape)"
        )
      }
      if let bad = tensor.scalars.firstIndex(where: { !$0.isFinite }) {
        throw ParameterError("the parameter \"\(name)\" has a non-finite value at \(bad)")
      }
      return tensor
    }
    let weight = try find("head.weight", [v, header.hidden])
    let bias = try find("head.bias", [v])
    self.init(weight: weight, bias: bias)
  }
}
