import Model

/// One chapter of a lesson: its narrative and the recipe of the model it runs.
///
/// A `Chapter` only exists once `LessonParser` has checked all of it, so building its
/// model cannot fail: every name resolves and every shape fits.
public struct Chapter: Equatable, Sendable {
  public let title: String
  /// The paragraphs in the order written, each resolved to a step.
  public let narrative: [Paragraph]
  /// The size of e_t.
  public let inputs: Int
  /// The size of h_t.
  public let hidden: Int
  /// The sentence, word by word.
  public let words: [String]
  /// Word `i` has row `i` of the embedding table.
  public let vocabulary: [String]
  /// The seeded draws, in order.
  public let random: [SeededDraws]
  /// Tensors written out as numbers, in the order written.
  public let literals: [NamedTensor]
  /// The embedding table, `[vocabulary.count, inputs]`.
  public let embedding: TensorExpression
  /// The initial hidden state, `[1, hidden]`.
  public let h0: TensorExpression
  public let cell: CellRecipe
  /// How many operations the chapter's trace has.
  public let stepCount: Int
  /// The lesson's code that computes each step (from 1), where the lesson gives it.
  public let code: [Int: String]
  /// What the chapter showed, in a few sentences, for its last step.
  public let summary: NarrativeText?
  /// The loss, backward pass and SGD rounds after the forward pass (`loss:`, `lr:`,
  /// `steps:`); nil for a chapter that only runs forwards.
  public let loss: ChapterLoss?
  /// The questions the lesson asks, in the order written (one per step at most).
  public internal(set) var questions: [LessonQuestion] = []

  public init(
    title: String, narrative: [Paragraph], inputs: Int, hidden: Int, words: [String],
    vocabulary: [String], random: [SeededDraws], literals: [NamedTensor],
    embedding: TensorExpression, h0: TensorExpression, cell: CellRecipe, stepCount: Int,
    code: [Int: String] = [:], summary: NarrativeText? = nil, loss: ChapterLoss? = nil
  ) {
    self.title = title
    self.narrative = narrative
    self.inputs = inputs
    self.hidden = hidden
    self.words = words
    self.vocabulary = vocabulary
    self.random = random
    self.literals = literals
    self.embedding = embedding
    self.h0 = h0
    self.cell = cell
    self.stepCount = stepCount
    self.code = code
    self.summary = summary
    self.loss = loss
  }

  public var variant: Variant { cell.variant }

  /// The narrative grouped by step, in step order (step 0, the introduction, first when
  /// there is one): what a printer prints after each step, and a player shows from
  /// each step on.
  public var narrativeByStep: [StepNarrative] {
    var steps: [Int] = []
    var byStep: [Int: [Paragraph]] = [:]
    for paragraph in narrative {
      if byStep[paragraph.step] == nil { steps.append(paragraph.step) }
      byStep[paragraph.step, default: []].append(paragraph)
    }
    return steps.sorted().map { StepNarrative(step: $0, paragraphs: byStep[$0]!) }
  }

  /// Every tensor the chapter names, drawn and written, in the order defined.
  public func tensors(kernel: TorchGenerator.Kernel = .platformDefault) -> [NamedTensor] {
    random.flatMap { $0.run(kernel: kernel) } + literals
  }

  /// The chapter's model, computing with `kernels`' products and tanh.
  public func makeModel(
    kernel: TorchGenerator.Kernel = .platformDefault, kernels: KernelFamily = .amd
  ) -> RNNModel {
    makeModel(
      from: Dictionary(tensors(kernel: kernel).map { ($0.name, $0.value) }) { a, _ in a },
      kernels: kernels)
  }

  /// Builds the model, runs it over the sentence and records every operation; with a
  /// loss (the chapter's own, or `loss` in its place), goes on to the loss and the
  /// backward pass of one round, and runs the SGD rounds `loss.rounds` asks for.
  ///
  /// The chapter must be able to take the loss (`lossRefusal` is nil). The backward pass
  /// follows PyTorch's AMD arithmetic, so a chapter with a loss computes with it whatever
  /// `kernels` says.
  public func run(
    kernel: TorchGenerator.Kernel = .platformDefault, kernels: KernelFamily = .amd,
    loss: ChapterLoss? = nil
  ) -> ChapterTrace {
    guard let loss = loss ?? self.loss else {
      let named = tensors(kernel: kernel)
      let model = makeModel(
        from: Dictionary(named.map { ($0.name, $0.value) }) { a, _ in a }, kernels: kernels)
      return ChapterTrace(chapter: self, tensors: named, trace: model.trace(words))
    }
    precondition(lossRefusal == nil, "the chapter cannot take a loss: \(lossRefusal!)")
    let (named, model, head) = drawnWithHead(kernel: kernel)
    let learner: Learner
    do {
      learner = try Learner(model: model, head: head, words: words, loss: loss.kind)
    } catch {
      preconditionFailure("a checked chapter failed to make its learner: \(error)")
    }
    let headTensors = [
      NamedTensor("head.weight", head.weight), NamedTensor("head.bias", head.bias),
    ]
    return run(learner, tensors: named + headTensors, loss: loss)
  }

  /// The chapter's round of `learner` (its model and head, as drawn or as a what-if
  /// edited them): the forward pass, the loss and the backward pass traced, then the
  /// SGD rounds of `loss.rounds`. `tensors` are the chapter's named tensors for its text.
  public func run(_ learner: Learner, tensors: [NamedTensor], loss: ChapterLoss) -> ChapterTrace {
    let trace = learner.tracedRound().trace
    let training = loss.rounds.map {
      TrainingRun(learner, rounds: $0, learningRate: loss.learningRate)
    }
    return ChapterTrace(
      chapter: self, tensors: tensors, trace: trace,
      training: ChapterTrace.Training(loss: loss, learner: learner, run: training))
  }

  /// Why the chapter cannot go on to a loss, or nil if it can: its variant has no
  /// backward pass yet, it has fewer than two words, or it draws nothing to draw a head
  /// after.
  public var lossRefusal: String? {
    if !variant.hasBackwardPass {
      let trainable = Variant.trainable.map(\.rawValue)
      return "its variant, \(variant.rawValue), has no backward pass yet ("
        + trainable.dropLast().joined(separator: ", ") + " and \(trainable.last!) have one)"
    }
    if words.count < 2 {
      return
        "a next-word loss needs at least two words, one to read and one to predict; it has \(words.count)"
    }
    if random.isEmpty {
      return
        "the prediction head is drawn next from the chapter's last `random:` group, and it has none"
    }
    return nil
  }

  /// The chapter's tensors and its prediction head, `nn.Linear(hidden, V)` drawn next from
  /// the stream its last draw group leaves, as `rnntrace train` draws the head after the
  /// model.
  public func tensorsAndHead(kernel: TorchGenerator.Kernel = .platformDefault)
    -> (tensors: [NamedTensor], head: PredictionHead)
  {
    precondition(!random.isEmpty, "a head is drawn after the chapter's draws")
    var named: [NamedTensor] = []
    var generator = TorchGenerator(seed: 0, kernel: kernel)
    for group in random {
      generator = TorchGenerator(seed: group.seed, kernel: kernel)
      named += group.run(on: &generator)
    }
    let head = PredictionHead.draw(hidden: hidden, vocabulary: vocabulary.count, from: &generator)
    return (named + literals, head)
  }

  /// The chapter's tensors, its model and the prediction head drawn after it
  /// (`tensorsAndHead`): what a round of its loss starts from, in `run` and in `rnntrace
  /// train`. The model computes with PyTorch's AMD arithmetic, as the backward pass does.
  public func drawnWithHead(kernel: TorchGenerator.Kernel = .platformDefault)
    -> (tensors: [NamedTensor], model: RNNModel, head: PredictionHead)
  {
    let (named, head) = tensorsAndHead(kernel: kernel)
    let model = makeModel(
      from: Dictionary(named.map { ($0.name, $0.value) }) { a, _ in a }, kernels: .amd)
    return (named, model, head)
  }

  private func makeModel(from tensors: [String: Tensor], kernels: KernelFamily) -> RNNModel {
    var model = RNNModel(
      vocabulary: vocabulary, embedding: embedding.evaluate(in: tensors),
      h0: h0.evaluate(in: tensors), cell: cell.makeCell(from: tensors))
    model.kernels = kernels
    return model
  }
}
