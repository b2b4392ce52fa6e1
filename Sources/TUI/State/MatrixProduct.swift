import Model

/// A product event seen as the lesson draws it: a row vector times a matrix, each
/// output element the dot product of the vector with one column.
///
/// An `nn.Linear` stores its weight `[out, in]` and computes `x·Wᵀ`; the player shows
/// Wᵀ, so that every product reads `(1×k)·(k×n) → (1×n)` the same way.
public struct MatrixProduct: Sendable {
  public let vector: NamedTensor
  /// The weight as stored in the model.
  public let weight: NamedTensor
  /// Whether the matrix shown is the transpose of the stored weight.
  public let transposed: Bool
  public let result: NamedTensor

  /// The product of `event`, or nil if the event is not a product.
  /// The order the model summed each output in.
  public let order: ProductOrder

  public init?(_ event: TraceEvent) {
    guard event.operation.isProduct, event.operands.count == 2,
      let order = event.productOrder
    else { return nil }
    vector = event.operands[0]
    weight = event.operands[1]
    result = event.result
    self.order = order
    transposed = order.isTransposed
    let expected = transposed ? weight.value.columns : weight.value.rows
    guard vector.value.rows == 1, vector.value.columns == expected else { return nil }
  }

  /// The length of the vector: the number of terms of each dot product.
  public var inner: Int { vector.value.columns }
  /// The number of output elements.
  public var outputs: Int { result.value.columns }

  /// The matrix's name as shown: `We.weightᵀ` for a transposed weight.
  public var matrixName: String { transposed ? weight.name + "ᵀ" : weight.name }

  /// `(1×4)·(4×2) → (1×2)`.
  public var shapes: String {
    "(1×\(inner))·(\(inner)×\(outputs)) → (1×\(outputs))"
  }

  /// Row `row`, column `column` of the matrix as shown.
  public func matrix(_ row: Int, _ column: Int) -> Float {
    transposed ? weight.value[column, row] : weight.value[row, column]
  }

  /// The vector's element `k`.
  public func vectorElement(_ k: Int) -> Float { vector.value.scalars[k] }

  /// Term `term` of output `output`: vector[term]·matrix[term, output].
  public func product(_ position: DrillPosition) -> Float {
    vectorElement(position.term) * matrix(position.term, position.output)
  }

  /// The running sum of output `output` after term `term`, as the model's arithmetic
  /// held it in the product's own summation order (`Tensor.runningSums`): the last
  /// running sum is the result's element exactly.
  public func runningSum(_ position: DrillPosition) -> Float {
    runningSums(output: position.output)[position.term]
  }

  /// Every running sum of output `output`, one after each term.
  public func runningSums(output: Int) -> [Float] {
    Tensor.runningSums(order, vector.value, weight.value, output: output)
  }
}
