import Model

/// The one line that says what just happened, with its real numbers:
/// `h_3 = tanh(z_3) = tanh(0.8123) = 0.6710`.
public enum Narration {
  /// The narration of `event`; inside a drill, of the current multiply-add.
  public static func line(for event: TraceEvent, variant: Variant, drill: DrillPosition? = nil)
    -> String
  {
    let result = event.result.value.scalars
    let values = NumberFormat.vector(result)
    let operands = event.operands.map { NumberFormat.vector($0.value.scalars) }
    switch event.operation {
    case .embedding:
      let index = event.index.map(String.init) ?? "?"
      return "\(quoted(event.word)) → index \(index) → \(event.result.name) = embedding[\(index)]"
        + " = \(values) \(event.result.value.shapeDescription)"
    case .matmulInput, .matmulHidden:
      guard let product = MatrixProduct(event, variant: variant) else {
        return "\(event.formula) = \(values)"
      }
      if let drill { return drillLine(product, drill) }
      return "\(event.formula): \(product.shapes) = \(values)"
    case .biasInput, .biasHidden:
      return "\(event.formula) = \(operands.joined(separator: " + ")) = \(values)"
    case .tanhInput:
      return "\(event.formula) = tanh(\(operands.first ?? "")) = \(values)"
    case .add:
      return "\(event.formula) = \(operands.joined(separator: " + ")) = \(values)"
    case .tanh:
      let z = operands.first ?? ""
      return "h_\(event.t) = \(event.formula) = tanh(\(z)) = \(values)"
    case .hiddenState:
      return "\(event.result.name) = \(values) joins the hidden states h_0 … \(event.result.name)"
    }
  }

  /// `W_e·e_1[1]: sum -0.4303 after term 3/4: 0.8989 × -0.0866 = -0.0778 (e_1[2]·…)`:
  /// the numbers first, so that a narrow screen cuts only the names.
  static func drillLine(_ product: MatrixProduct, _ drill: DrillPosition) -> String {
    let k = drill.term
    let j = drill.output
    let a = NumberFormat.value(product.vectorElement(k))
    let b = NumberFormat.value(product.matrix(k, j))
    let term = NumberFormat.value(product.product(drill))
    let sum = NumberFormat.value(product.runningSum(drill))
    let target = "\(product.result.name)[\(j)]"
    let factors = "\(product.vector.name)[\(k)]·\(product.matrixName)[\(k),\(j)]"
    let what =
      k + 1 == product.inner
      ? "= \(sum), all \(product.inner) terms" : "sum \(sum) after term \(k + 1)/\(product.inner)"
    return "\(target): \(what): \(a) × \(b) = \(term) (\(factors))"
  }

  /// A word in quotes, its control characters escaped.
  static func quoted(_ word: String) -> String { "\"" + TerminalText.escaped(word) + "\"" }
}
