import Model

/// The one line that says what just happened, with its real numbers:
/// `tanh(z_3) = tanh(0.8123) = 0.6710`, as `rnntrace print` narrates it; in a drill, the
/// multiply-add in hand.
public enum Narration {
  /// The narration of `event`; inside a drill, of the current multiply-add.
  public static func line(for event: TraceEvent, drill: DrillPosition? = nil)
    -> String
  {
    if let drill, let product = MatrixProduct(event) {
      return drillLine(product, drill)
    }
    // The same sentence `rnntrace print` says for the event, in the lesson's notation.
    return Notation.rowVectors(event.narration())
  }

  /// `e_1·Weᵀ[1]: running sum -0.4303 after term 3/4: 0.8989 × -0.0866 = -0.0778 (e_1[2]·…)`:
  /// the numbers first, so that a narrow screen cuts only the names.
  static func drillLine(_ product: MatrixProduct, _ drill: DrillPosition) -> String {
    let k = drill.term
    let j = drill.output
    let a = NumberFormat.value(product.vectorElement(k))
    let b = NumberFormat.value(product.matrix(k, j))
    let term = NumberFormat.value(product.product(drill))
    let sum = NumberFormat.value(product.runningSum(drill))
    let target = "\(Notation.name(product.result.name))[\(j)]"
    let matrix = Notation.matrix(product.weight.name, transposed: product.transposed)
    let factors = "\(product.vector.name)[\(k)]·\(matrix)[\(k),\(j)]"
    let what =
      product.inner == 1
      ? "= \(sum), the only term"
      : k + 1 == product.inner
        ? "= \(sum), all \(product.inner) terms"
        : "running sum \(sum) after term \(k + 1)/\(product.inner)"
    return "\(target): \(what): \(a) × \(b) = \(term) (\(factors))"
  }

  /// The line of a training screen: what the update did to the loss, or how the loss
  /// went over the rounds.
  static func line(for screen: TrainingScreen, in chapter: PlayerChapter) -> String? {
    guard let training = chapter.training else { return nil }
    let first = NumberFormat.value(training.losses[0])
    switch screen {
    case .update:
      let after = chapter.lossAfterFirstUpdate
      return
        "SGD, lr \(training.learningRate): loss \(first) → \(NumberFormat.value(after)); every parameter p becomes p - lr·dL/dp"
    case .lossCurve:
      return
        "\(training.losses.count) rounds, lr \(training.learningRate): loss \(first) → \(NumberFormat.value(training.lossAfter)), each round a forward pass, a backward pass and an update"
    }
  }

  /// A word in quotes, its control characters escaped.
  static func quoted(_ word: String) -> String { "\"" + TerminalText.escaped(word) + "\"" }
}
