import Model

/// A chapter that has run: its named tensors and the trace of its model, with the
/// narrative's values filled in from them.
public struct ChapterTrace: Sendable {
  public let chapter: Chapter
  /// The tensors the chapter names, in the order defined.
  public let tensors: [NamedTensor]
  public let trace: Trace
  /// The loss of a chapter that has one: the learner the traced round started from, and
  /// the SGD rounds when the chapter runs them.
  public let training: Training?

  /// What a chapter with a loss computed past its trace.
  public struct Training: Sendable {
    public let loss: ChapterLoss
    /// The model and its head as drawn, before any update: the traced round's.
    public let learner: Learner
    /// The rounds of `loss.rounds`, or nil for the traced round alone.
    public let run: TrainingRun?

    public var head: PredictionHead { learner.head }
  }

  public init(chapter: Chapter, tensors: [NamedTensor], trace: Trace, training: Training? = nil) {
    self.chapter = chapter
    self.tensors = tensors
    self.trace = trace
    self.training = training
  }

  /// The value a placeholder stands for. The parser has checked that it exists.
  public func value(_ reference: ValueReference) -> Tensor {
    switch reference {
    case .tensor(let name, let transposed):
      guard let found = tensors.first(where: { $0.name == name }) else {
        preconditionFailure("lesson tensor \(name) was validated but is missing")
      }
      return transposed ? found.value.transposed() : found.value
    case .result(let step):
      return trace.events[step - 1].result.value
    case .operand(let step, let index):
      return trace.events[step - 1].operands[index].value
    case .norm(let inner):
      let v = value(inner).scalars
      return Tensor(shape: [1], scalars: [v.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()])
    case .loss(.updated(let name)):
      guard let update = training?.run?.firstUpdate.first(where: { $0.name == name }) else {
        preconditionFailure("lesson value updated \(name) was validated but is missing")
      }
      return update.after
    case .loss(let value):
      guard let number = number(value) else {
        preconditionFailure("lesson value \(value) was validated but is missing")
      }
      return Tensor(shape: [1], scalars: [number])
    }
  }

  /// A placeholder's text: a tensor in prose, or a chapter's predictions in words.
  public func describe(_ reference: ValueReference, format: ValueFormat = ValueFormat()) -> String {
    guard case .loss(let value) = reference else { return format.prose(self.value(reference)) }
    let learner = training.flatMap { value.needsRounds ? $0.run?.learner : $0.learner }
    switch value {
    case .learningRate:
      return training.map { "\($0.loss.learningRate)" } ?? ""
    case .rounds:
      return "\(training?.loss.rounds ?? 1)"
    case .predictions:
      guard let learner else { return "" }
      return Predictions(learner).items.map {
        "\($0.read) → \($0.guess)" + ($0.guess == $0.truth ? " (right)" : " (not \($0.truth))")
      }.joined(separator: ", ")
    case .right:
      guard let learner else { return "" }
      let items = Predictions(learner).items
      return "\(items.count { $0.guess == $0.truth }) of \(items.count)"
    default:
      return format.prose(self.value(reference))
    }
  }

  private func number(_ value: LossValue) -> Float? {
    guard let training else { return nil }
    switch value {
    case .round(let k): return training.run.map { $0.losses[k - 1] }
    case .lossAfter: return training.run?.lossAfter
    case .updated: return nil
    case .probability(let position, let after):
      guard let learner = after ? training.run?.learner : training.learner else { return nil }
      return Predictions(learner).items[position - 1].probability
    case .learningRate: return Float(training.loss.learningRate)
    case .rounds: return Float(training.loss.rounds ?? 1)
    case .predictions, .right: return nil
    }
  }

  /// A paragraph's text with its values filled in, each on one line as `format` writes
  /// it (`1.4288`, `[[-0.7056, 0.6741, …]]`).
  public func text(of paragraph: Paragraph, format: ValueFormat = ValueFormat()) -> String {
    paragraph.text.rendered { describe($0, format: format) }
  }

  /// The narrative's paragraphs with their values filled in, by step (0: the
  /// introduction), each step's in the order written: what `print` writes after each
  /// step and the player shows from each step on.
  public func narrativeByStep(format: ValueFormat = ValueFormat()) -> [Int: [String]] {
    var texts: [Int: [String]] = [:]
    for group in chapter.narrativeByStep {
      texts[group.step] = group.paragraphs.map { text(of: $0, format: format) }
    }
    return texts
  }

  /// The chapter's summary with its values filled in, or nil if it has none.
  public func summary(format: ValueFormat = ValueFormat()) -> String? {
    chapter.summary?.rendered { describe($0, format: format) }
  }
}

extension ChapterTrace {
  /// The chapter run with parameter edits (a what-if's): `trace` is the edited model's
  /// run, and the lesson's own tensors take each edit where the model reads them (`E`
  /// takes an edit of `embedding.weight` when the chapter says `embedding: E.T`), so that
  /// `{E}` in the text is the table the run read. `training` is the edited run's loss and
  /// rounds, for a chapter with a loss.
  public func edited(
    trace: Trace, applied: [AppliedEdit], training: Training? = nil
  ) -> ChapterTrace {
    let names: [String] =
      ["embedding.weight", "h0"] + chapter.variant.cell.parameterLayout.map(\.name)
    let expressions: [TensorExpression] =
      [chapter.embedding, chapter.h0] + chapter.cell.parameters
    var edited: [NamedTensor] = tensors
    for edit in applied {
      // The head's tensors go by their own names (a chapter with a loss holds them so).
      let head = ["head.weight", "head.bias"].contains(edit.name) ? edit.name : nil
      let expression = names.firstIndex(of: edit.name).map { expressions[$0] }
      let (name, transposed): (String, Bool)
      if let head {
        (name, transposed) = (head, false)
      } else if case .named(let named, let flip) = expression {
        (name, transposed) = (named, flip)
      } else {
        continue
      }
      guard let slot = edited.firstIndex(where: { $0.name == name }) else { continue }
      var value: Tensor = edited[slot].value
      let index: [Int] = transposed ? edit.index.reversed() : edit.index
      let flat: Int = index.count == 2 ? index[0] * value.columns + index[1] : index[0]
      guard value.scalars.indices.contains(flat) else { continue }
      value.scalars[flat] = edit.to
      edited[slot] = NamedTensor(name, value)
    }
    return ChapterTrace(chapter: chapter, tensors: edited, trace: trace, training: training)
  }
}
