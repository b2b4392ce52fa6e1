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
  public init?(_ event: TraceEvent, variant: Variant) {
    guard event.operation.isProduct, event.operands.count == 2 else { return nil }
    vector = event.operands[0]
    weight = event.operands[1]
    result = event.result
    transposed = variant == .linearTanh
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

  /// The running sum of output `output` after term `term`, rounded after every multiply
  /// and every add in the order the model summed (see `Tensor.matmul`), so that the last
  /// running sum is the result's element exactly.
  public func runningSum(_ position: DrillPosition) -> Float {
    var sum = vectorElement(0) * matrix(0, position.output)
    var k = 1
    while k <= position.term {
      let product = vectorElement(k) * matrix(k, position.output)
      sum = sum + product
      k += 1
    }
    return sum
  }
}
