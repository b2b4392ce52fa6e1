import Model
import Testing

/// What-if edits of a model with its prediction head: the round (forward, loss, backward)
/// of the edited learner is the round of a learner built from the edited parameters.
@Suite struct LearnerEditTests {
  static let words = ["the", "dog", "jumped", "over", "a", "dog"]

  static func learner(_ loss: LossKind = .nextWord) throws -> Learner {
    let spec = ModelSpec(variant: .linearTanh, seed: 5, inputs: 4, hidden: 3, words: words)
    let (model, head) = try spec.buildWithHead()
    return try Learner(model: model, head: head, words: words, loss: loss)
  }

  func bits(_ trace: Trace) -> [[UInt32]] {
    trace.events.map { event in
      event.result.value.scalars.map(\.bitPattern)
        + (0..<event.operandCount).flatMap { event.operands[$0].value.scalars.map(\.bitPattern) }
    }
  }

  @Test(arguments: [LossKind.nextWord, .lastWord])
  func theEditedRoundIsTheRoundOfTheEditedParameters(loss: LossKind) throws {
    let learner = try Self.learner(loss)
    let edits = [
      ParameterEdit(name: "Wh.weight", index: [1, 2], value: 1.5),
      ParameterEdit(name: "h0", index: [0, 0], value: -0.25),
      ParameterEdit(name: "head.weight", index: [3, 1], value: 2),
      ParameterEdit(name: "head.bias", index: [0], value: -1),
    ]
    let (edited, applied) = try learner.applying(edits)
    #expect(applied.map(\.name) == ["Wh.weight", "h0", "head.weight", "head.bias"])
    #expect(applied[2].from == learner.head.weight.scalars[3 * 3 + 1])
    #expect(applied.map(\.to) == [1.5, -0.25, 2, -1])

    // Built by hand from the edited numbers.
    var parameters = learner.model.parameters
    func set(_ name: String, _ flat: Int, _ value: Float) {
      let k = parameters.firstIndex { $0.name == name }!
      var tensor = parameters[k].value
      tensor.scalars[flat] = value
      parameters[k] = NamedTensor(name, tensor)
    }
    set("Wh.weight", 1 * 3 + 2, 1.5)
    set("h0", 0, -0.25)
    let model = try RNNModel(
      variant: .linearTanh, inputs: 4, hidden: 3, vocabulary: learner.model.vocabulary,
      parameters: parameters)
    var weight = learner.head.weight
    weight.scalars[3 * 3 + 1] = 2
    var bias = learner.head.bias
    bias.scalars[0] = -1
    let built = try Learner(
      model: model, head: PredictionHead(weight: weight, bias: bias), words: Self.words,
      loss: loss)

    let (a, passA) = edited.tracedRound()
    let (b, passB) = built.tracedRound()
    #expect(a.events == b.events)
    #expect(bits(a) == bits(b))
    #expect(passA.loss.bitPattern == passB.loss.bitPattern)
    #expect(
      passA.gradients.flatMap { $0.value.scalars.map(\.bitPattern) }
        == passB.gradients.flatMap { $0.value.scalars.map(\.bitPattern) })
    // The edit did reach the loss and the gradients.
    let (_, original) = learner.tracedRound()
    #expect(original.loss != passA.loss)
    // SGD rounds follow too.
    let runA = Model.TrainingRun(edited, rounds: 3, learningRate: 0.1)
    let runB = Model.TrainingRun(built, rounds: 3, learningRate: 0.1)
    #expect(runA.losses.map(\.bitPattern) == runB.losses.map(\.bitPattern))
  }

  @Test func anUnknownNameListsTheHeadsParametersToo() throws {
    let learner = try Self.learner()
    #expect {
      try learner.applying([ParameterEdit(name: "head.wieght", index: [0, 0], value: 1)])
    } throws: { error in
      let text = (error as? ParameterEditError)?.description ?? ""
      return text.contains("no parameter \"head.wieght\"")
        && text.contains("head.weight [5, 3], head.bias [5]")
    }
    #expect(throws: ParameterEditError.self) {
      try learner.applying([ParameterEdit(name: "head.bias", index: [5], value: 1)])
    }
  }
}
