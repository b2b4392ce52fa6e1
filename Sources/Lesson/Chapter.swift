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
  /// The questions the lesson asks, in the order written (one per step at most).
  public internal(set) var questions: [LessonQuestion] = []

  public init(
    title: String, narrative: [Paragraph], inputs: Int, hidden: Int, words: [String],
    vocabulary: [String], random: [SeededDraws], literals: [NamedTensor],
    embedding: TensorExpression, h0: TensorExpression, cell: CellRecipe, stepCount: Int,
    code: [Int: String] = [:], summary: NarrativeText? = nil
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

  /// Builds the model, runs it over the sentence and records every operation.
  public func run(
    kernel: TorchGenerator.Kernel = .platformDefault, kernels: KernelFamily = .amd
  ) -> ChapterTrace {
    let named = tensors(kernel: kernel)
    let model = makeModel(
      from: Dictionary(named.map { ($0.name, $0.value) }) { a, _ in a }, kernels: kernels)
    return ChapterTrace(chapter: self, tensors: named, trace: model.trace(words))
  }

  private func makeModel(from tensors: [String: Tensor], kernels: KernelFamily) -> RNNModel {
    var model = RNNModel(
      vocabulary: vocabulary, embedding: embedding.evaluate(in: tensors),
      h0: h0.evaluate(in: tensors), cell: cell.makeCell(from: tensors))
    model.kernels = kernels
    return model
  }
}
