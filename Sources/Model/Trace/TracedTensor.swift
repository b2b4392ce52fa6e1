/// A tensor with the name the lesson gives it, as a traced operation takes and returns
/// it: the operands' names of an event are the names their values came with.
public struct TracedTensor: Sendable {
  public let value: Tensor
  /// Nil where the run does not record: a name read from a `static let` costs a check
  /// that the global was made, on every operation.
  @usableFromInline let name: NameTemplate?

  @inlinable
  init(_ value: Tensor, _ name: NameTemplate?) {
    self.value = value
    self.name = name
  }
}

/// What a traced operation records besides its operands: the kind of operation, its
/// formula and the name of its result (the same as the formula unless the formula
/// defines the result, as in `z_t = …`).
@usableFromInline
struct TracedOperation: Sendable {
  @usableFromInline let operation: Operation
  @usableFromInline let formula: NameTemplate
  @usableFromInline let result: NameTemplate

  @inlinable
  init(_ operation: Operation, _ formula: NameTemplate, result: NameTemplate? = nil) {
    self.operation = operation
    self.formula = formula
    self.result = result ?? formula
  }
}
