import Model

extension RNNModel {
  /// The model a log's header describes, refusing words outside its vocabulary.
  public init(header: TraceHeader) throws(ParameterError) {
    try self.init(
      variant: header.variant, inputs: header.inputs, hidden: header.hidden,
      vocabulary: header.vocabulary, parameters: header.parameters)
    kernels = header.kernels
    for (i, word) in header.words.enumerated() where index(of: word) == nil {
      throw ParameterError(
        "word \(i + 1) of \"words\", \(quoted(word)), is not in the vocabulary, so it has no embedding"
      )
    }
  }
}
