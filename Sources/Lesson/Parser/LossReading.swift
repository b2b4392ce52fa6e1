import Model
import Yams

/// `loss:`, `lr:` and `steps:`: what a chapter does after its forward pass.
extension ChapterReader {
  /// The most SGD rounds a chapter may run: they are all computed when the lesson opens.
  static let maxRounds = 10_000

  func readLoss(_ fields: Fields, facts: Facts, hasDraws: Bool) throws(LessonError)
    -> ChapterLoss?
  {
    guard let field = fields["loss"] else {
      if let stray = fields["lr"] ?? fields["steps"] {
        throw source.error(
          at: stray.keyNode.position, "`\(stray.key)` in \(owner), which has no `loss`",
          expected: "`loss: next-word` or `loss: last-word` first: `\(stray.key)` sets the"
            + " SGD rounds that follow the loss")
      }
      return nil
    }
    let kinds = LossKind.allCases.map(\.rawValue)
    guard case .scalar(let scalar) = field.value, let kind = LossKind(rawValue: scalar.string)
    else {
      var expected = "one of: \(kinds.joined(separator: ", "))"
      if case .scalar(let scalar) = field.value, let near = nearest(scalar.string, in: kinds) {
        expected += " (did you mean `\(near)`?)"
      }
      throw source.error(at: field.mark, "`loss` is \(describe(field.value))", expected: expected)
    }
    if !facts.variant.hasBackwardPass {
      let trainable = Variant.trainable.map(\.rawValue).joined(separator: ", ")
      throw source.error(
        at: field.mark,
        "`loss: \(kind.rawValue)` in a chapter whose variant is \(facts.variant.rawValue),"
          + " which has no backward pass yet",
        expected: "a chapter of one of: \(trainable)")
    }
    if facts.words.count < 2 {
      throw source.error(
        at: field.mark,
        "`loss: \(kind.rawValue)` in a chapter of \(count(facts.words.count, "word"))",
        expected: "at least two words: one to read and one to predict")
    }
    if !hasDraws {
      throw source.error(
        at: field.mark, "`loss: \(kind.rawValue)` in a chapter that draws nothing",
        expected: "a `random:` list: the prediction head nn.Linear(hidden, V) is drawn next"
          + " from the stream its last group leaves")
    }
    let parameters =
      ModelSpec.parameterCount(
        variant: facts.variant, vocabulary: facts.vocabulary.count, inputs: facts.inputs,
        hidden: facts.hidden) + facts.vocabulary.count * (facts.hidden + 1)
    if parameters > ModelLimits.maxParameters {
      throw source.error(
        at: field.mark,
        "a model and its prediction head of \(count(facts.vocabulary.count, "word")), inputs"
          + " \(facts.inputs) and hidden \(facts.hidden) would hold \(parameters) numbers",
        expected: "at most \(ModelLimits.maxParameters) (smaller sizes)")
    }
    var learningRate = ChapterLoss.defaultLearningRate
    if let lr = fields["lr"] {
      guard fields["steps"] != nil else {
        throw source.error(
          at: lr.keyNode.position, "`lr` in \(owner), which has no `steps`",
          expected: "`steps: N` beside it: the learning rate is that of the N SGD rounds")
      }
      let expected = "a positive finite number, such as 0.1"
      guard case .scalar(let scalar) = lr.value, lr.value.kind == .float || lr.value.kind == .int,
        let rate = Double(scalar.string), rate.isFinite, rate > 0
      else {
        throw source.error(at: lr.mark, "`lr` is \(describe(lr.value))", expected: expected)
      }
      learningRate = rate
    }
    let rounds = try fields["steps"].map { (steps) throws(LessonError) in
      try source.wholeNumber(steps, in: 1...Self.maxRounds)
    }
    return ChapterLoss(kind: kind, learningRate: learningRate, rounds: rounds)
  }
}
