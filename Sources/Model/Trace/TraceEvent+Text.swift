/// How an event reads in words: the shapes it combines and one narrated line. The
/// printed walkthrough and the player both say it this way.
extension TraceEvent {
  /// `(1×4)·(4×2) → (1×2)` for a product (an `nn.Linear` weight is shown transposed,
  /// as it is applied), `(1×2) + (2) → (1×2)` for a bias, `(5×4)[0] → (1×4)` for a lookup.
  public var shapeSummary: String {
    let result = result.value.shapeDescription
    if pass == .backward || operation == .logits || operation == .loss {
      // Gradients and the loss: what went in, by shape, and what came out.
      return operands.map(\.value.shapeDescription).joined(separator: ", ") + " → \(result)"
    }
    switch operation {
    case .embedding:
      return "\(operands[0].value.shapeDescription)[\(index ?? 0)] → \(result)"
    case .matmulInput, .matmulHidden:
      let left = operands[0].value
      var right = operands[1].value
      if right.rows != left.columns { right = right.transposed() }
      return "\(left.shapeDescription)·\(right.shapeDescription) → \(result)"
    case .biasInput, .biasHidden, .add:
      return operands.map(\.value.shapeDescription).joined(separator: " + ") + " → \(result)"
    case .tanhInput, .tanh:
      return "tanh\(operands[0].value.shapeDescription) → \(result)"
    case .hiddenState:
      return result
    case .logits, .loss:
      return result
    }
  }

  /// One line with the real numbers: `h_3 = tanh(0.8123) = 0.6710`,
  /// `W_h·h_2: (1×2)·(2×2) → (1×2) = [[0.1234, -0.5678]]`.
  public func narration(_ format: ValueFormat = ValueFormat()) -> String {
    let value = format.inline(result.value)
    if pass == .backward || operation == .logits || operation == .loss {
      return "\(formula): \(shapeSummary) = \(value)"
    }
    switch operation {
    case .embedding:
      return "\(result.name) = embedding[\(index ?? 0)] for \"\(word)\" = \(value)"
    case .tanhInput, .tanh:
      return "\(result.name) = tanh(\(format.inline(operands[0].value))) = \(value)"
    case .hiddenState:
      return "\(result.name) = \(value) joins the hidden states"
    case .add:
      let sum = operands.map { format.inline($0.value) }.joined(separator: " + ")
      return "\(formula) = \(sum) = \(value)"
    case .matmulInput, .matmulHidden, .biasInput, .biasHidden, .logits, .loss:
      return "\(formula): \(shapeSummary) = \(value)"
    }
  }
}
