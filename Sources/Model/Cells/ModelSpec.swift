/// An ad-hoc model as the command line describes it: variant, seed, sizes, sentence.
///
/// `build` draws the parameters exactly as `shared/reference/rnn_reference.py` does:
/// after `manual_seed(seed)`, the embedding (one row per distinct word, in order of
/// first appearance), then h_0, then the variant's weights.
public struct ModelSpec: Equatable, Sendable {
  public var variant: Variant
  public var seed: UInt64
  public var inputs: Int
  public var hidden: Int
  public var words: [String]

  public init(variant: Variant, seed: UInt64, inputs: Int, hidden: Int, words: [String]) {
    self.variant = variant
    self.seed = seed
    self.inputs = inputs
    self.hidden = hidden
    self.words = words
  }

  /// Distinct words in order of first appearance (`dict.fromkeys(words)`).
  public var vocabulary: [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0).inserted }
  }

  /// The number of float32 parameters the model would hold.
  public static func parameterCount(variant: Variant, vocabulary: Int, inputs: Int, hidden: Int)
    -> Int
  {
    let (v, d, h) = (vocabulary, inputs, hidden)
    let (table, overflow1) = v.multipliedReportingOverflow(by: d)
    let (square, overflow2) = h.multipliedReportingOverflow(by: h)
    let (input, overflow3) = d.multipliedReportingOverflow(by: h)
    if overflow1 || overflow2 || overflow3 { return .max }
    let bias = variant == .linearTanh ? 2 * h : 0
    return table.addingReportingOverflow(h + square).partialValue + input + bias
  }

  /// Checks the sizes against `ModelLimits` before anything is allocated.
  public func validate() throws(ModelSpecError) {
    if words.isEmpty { throw .emptySentence }
    for (name, value) in [("inputs", inputs), ("hidden", hidden)] {
      if value < 1 || value > ModelLimits.maxDimension {
        throw .sizeOutOfRange(option: name, value: value)
      }
    }
    let count = ModelSpec.parameterCount(
      variant: variant, vocabulary: vocabulary.count, inputs: inputs, hidden: hidden)
    if count > ModelLimits.maxParameters {
      throw .tooManyParameters(count: count)
    }
  }

  /// Draws the parameters from PyTorch's generator and returns the model, which computes
  /// with `kernels`' products and tanh.
  public func build(
    kernel: TorchGenerator.Kernel = .platformDefault, kernels: KernelFamily = .amd
  ) throws(ModelSpecError) -> RNNModel {
    try validate()
    let vocabulary = self.vocabulary
    var rng = TorchGenerator(seed: seed, kernel: kernel)
    let embedding = rng.embedding(count: vocabulary.count, dimension: inputs)
    let h0 = rng.randn([1, hidden])
    let cell: any RNNCell
    switch variant {
    case .linear:
      let wH = rng.randn([hidden, hidden])
      let wE = rng.randn([inputs, hidden])
      cell = LinearCell(wH: wH, wE: wE)
    case .rawTanh:
      let wE = rng.randn([inputs, hidden])
      let wH = rng.randn([hidden, hidden])
      cell = RawTanhCell(wE: wE, wH: wH)
    case .linearTanh:
      let input = rng.linear(inFeatures: inputs, outFeatures: hidden)
      let recurrent = rng.linear(inFeatures: hidden, outFeatures: hidden)
      cell = LinearTanhCell(
        inputWeight: input.weight, inputBias: input.bias!,
        hiddenWeight: recurrent.weight, hiddenBias: recurrent.bias!)
    }
    var model = RNNModel(vocabulary: vocabulary, embedding: embedding, h0: h0, cell: cell)
    model.kernels = kernels
    return model
  }
}

/// The documented caps on a model's size, checked before anything is allocated.
public enum ModelLimits {
  /// The largest `--inputs` or `--hidden`.
  public static let maxDimension = 4096
  /// The most float32 parameters a model may hold (64 MiB of them).
  public static let maxParameters = 16 * 1024 * 1024
}

/// Why a model cannot be built.
public enum ModelSpecError: Error, Equatable, Sendable {
  case emptySentence
  case sizeOutOfRange(option: String, value: Int)
  case tooManyParameters(count: Int)
}
