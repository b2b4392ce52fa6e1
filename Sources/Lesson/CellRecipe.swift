import Model

/// Which cell a chapter runs and where each of its weights comes from.
public enum CellRecipe: Equatable, Sendable {
  /// The hypothesis function: `w_h` (hidden × hidden), `w_e` (inputs × hidden).
  case linear(wH: TensorExpression, wE: TensorExpression)
  /// The first RNN class: `We` (inputs × hidden), `Wh` (hidden × hidden).
  case rawTanh(wE: TensorExpression, wH: TensorExpression)
  /// The second RNN class: two `nn.Linear` layers, weights `[out, in]`, biases `[out]`.
  case linearTanh(
    inputWeight: TensorExpression, inputBias: TensorExpression,
    hiddenWeight: TensorExpression, hiddenBias: TensorExpression)

  public var variant: Variant {
    switch self {
    case .linear: .linear
    case .rawTanh: .rawTanh
    case .linearTanh: .linearTanh
    }
  }

  func makeCell(from tensors: [String: Tensor]) -> any RNNCell {
    switch self {
    case .linear(let wH, let wE):
      LinearCell(wH: wH.evaluate(in: tensors), wE: wE.evaluate(in: tensors))
    case .rawTanh(let wE, let wH):
      RawTanhCell(wE: wE.evaluate(in: tensors), wH: wH.evaluate(in: tensors))
    case .linearTanh(let inputWeight, let inputBias, let hiddenWeight, let hiddenBias):
      LinearTanhCell(
        inputWeight: inputWeight.evaluate(in: tensors),
        inputBias: inputBias.evaluate(in: tensors),
        hiddenWeight: hiddenWeight.evaluate(in: tensors),
        hiddenBias: hiddenBias.evaluate(in: tensors))
    }
  }
}
