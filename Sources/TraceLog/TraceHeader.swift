import Model

/// What a trace log says about its model before its events: enough to recompute
/// every event (variant, sizes, words, vocabulary and every parameter).
public struct TraceHeader: Equatable, Sendable {
  /// The version of the log format this program writes.
  public static let formatVersion = 1

  public var variant: Variant
  /// The seed of an ad-hoc model; nil for a lesson chapter, whose tensors come from
  /// several seeds or literals.
  public var seed: UInt64?
  public var inputs: Int
  public var hidden: Int
  public var words: [String]
  public var vocabulary: [String]
  /// Every parameter, named and ordered as `rnn_reference.py` prints them.
  public var parameters: [NamedTensor]
  /// What produced the trace, for people: "ad-hoc model" or "lesson — chapter 2: …".
  public var source: String
  /// The loss of a trace that goes on to the loss and the backward pass (its head's
  /// parameters, `head.weight` and `head.bias`, are then among `parameters`); nil for a
  /// trace of the forward pass only.
  public var loss: LossKind?
  /// The what-if edits made to the model before it ran (`--set`), in order; the
  /// parameters above hold their results. Empty for an unedited model.
  public var edits: [AppliedEdit]
  /// Whose kernels computed the products and tanh (`"kernels"`; a log without it was made
  /// with `amd`, and `amd` is not written, so that those logs read as before).
  public var kernels: KernelFamily

  public init(
    variant: Variant, seed: UInt64?, inputs: Int, hidden: Int, words: [String],
    vocabulary: [String], parameters: [NamedTensor], source: String, edits: [AppliedEdit] = [],
    kernels: KernelFamily = .amd, loss: LossKind? = nil
  ) {
    self.loss = loss
    self.variant = variant
    self.seed = seed
    self.inputs = inputs
    self.hidden = hidden
    self.words = words
    self.vocabulary = vocabulary
    self.parameters = parameters
    self.source = source
    self.edits = edits
    self.kernels = kernels
  }

  /// The header of a model about to read `words`.
  public init(
    model: RNNModel, words: [String], seed: UInt64?, source: String, edits: [AppliedEdit] = []
  ) {
    self.init(
      variant: model.variant, seed: seed, inputs: model.inputs, hidden: model.hidden,
      words: words, vocabulary: model.vocabulary, parameters: model.parameters, source: source,
      edits: edits, kernels: model.kernels)
  }

  /// The header of a model with a prediction head, about to read `words` and go on to
  /// `loss` and its backward pass.
  public init(
    model: RNNModel, head: PredictionHead, loss: LossKind, words: [String], seed: UInt64?,
    source: String, edits: [AppliedEdit] = []
  ) {
    self.init(
      variant: model.variant, seed: seed, inputs: model.inputs, hidden: model.hidden,
      words: words, vocabulary: model.vocabulary,
      parameters: model.parameters + [
        NamedTensor("head.weight", head.weight), NamedTensor("head.bias", head.bias),
      ], source: source, edits: edits, kernels: model.kernels, loss: loss)
  }

  /// The names of the prediction head's parameters.
  public static let headParameterNames: Set<String> = ["head.weight", "head.bias"]

  /// The model's parameters, without the head's.
  public var modelParameters: [NamedTensor] {
    loss == nil ? parameters : parameters.filter { !Self.headParameterNames.contains($0.name) }
  }
}
