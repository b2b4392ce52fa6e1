extension RNNModel {
  /// The model that named parameters describe, as a log's header holds them: the
  /// inverse of `parameters`. Every name the variant needs must be there with the
  /// shape the sizes call for, and nothing else, so that running the model cannot
  /// trip over a mismatched product.
  public init(
    variant: Variant, inputs: Int, hidden: Int, vocabulary: [String], parameters: [NamedTensor]
  ) throws(ParameterError) {
    var byName: [String: Tensor] = [:]
    for parameter in parameters { byName[parameter.name] = parameter.value }
    let (d, h) = (inputs, hidden)
    let expected: [(String, [Int])] =
      [("embedding.weight", [vocabulary.count, d]), ("h0", [1, h])]
      + variant.parameterShapes(inputs: d, hidden: h)
    if vocabulary.isEmpty { throw ParameterError("the vocabulary is empty") }
    for (name, shape) in expected {
      guard let tensor = byName[name] else {
        throw ParameterError(
          "the \(variant.rawValue) variant needs a parameter \"\(name)\" of shape \(shape); the header has none"
        )
      }
      guard tensor.shape == shape else {
        throw ParameterError(
          "the parameter \"\(name)\" has shape \(tensor.shape), but a \(variant.rawValue) model with \(vocabulary.count) words, inputs \(inputs) and hidden \(hidden) needs \(shape)"
        )
      }
      if let bad = tensor.scalars.firstIndex(where: { !$0.isFinite }) {
        throw ParameterError("the parameter \"\(name)\" has a non-finite value at \(bad)")
      }
    }
    let names = Set(expected.map(\.0))
    if let extra = parameters.first(where: { !names.contains($0.name) }) {
      throw ParameterError(
        "the \(variant.rawValue) variant has no parameter \"\(extra.name)\"; it has \(expected.map(\.0).joined(separator: ", "))"
      )
    }
    let p = { (name: String) in byName[name]! }
    let cell = variant.makeCell(parameters: expected.dropFirst(2).map { p($0.0) })
    self.init(vocabulary: vocabulary, embedding: p("embedding.weight"), h0: p("h0"), cell: cell)
  }
}

/// Why named parameters do not make a model.
public struct ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
