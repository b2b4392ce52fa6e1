import Model

/// Which cell a chapter runs and where each of its parameters comes from.
public struct CellRecipe: Equatable, Sendable {
  public let variant: Variant
  /// One expression per parameter, in the cell type's layout order.
  public let parameters: [TensorExpression]

  public init(variant: Variant, parameters: [TensorExpression]) {
    precondition(parameters.count == variant.cell.parameterLayout.count)
    self.variant = variant
    self.parameters = parameters
  }

  func makeCell(from tensors: [String: Tensor]) -> any RNNCell {
    variant.makeCell(parameters: parameters.map { $0.evaluate(in: tensors) })
  }
}
