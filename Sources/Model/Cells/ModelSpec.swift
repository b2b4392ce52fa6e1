/// An ad-hoc model as the command line describes it: variant, seed, sizes, sentence.
///
/// `build` draws the parameters as the lesson's PyTorch models do (docs/pytorch-numbers.md):
/// after `manual_seed(seed)`, the embedding (one row per distinct word, in order of
/// first appearance), then h_0, then the cell's parameters as its type draws them.
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
    let shapes =
      [[vocabulary, inputs], [hidden]]
      + variant.parameterShapes(inputs: inputs, hidden: hidden).map(\.shape)
    var total = 0
    for shape in shapes {
      var count = 1
      for size in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        if overflow { return .max }
        count = product
      }
      let (sum, overflow) = total.addingReportingOverflow(count)
      if overflow { return .max }
      total = sum
    }
    return total
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
    var rng = TorchGenerator(seed: seed, kernel: kernel)
    return try build(drawingFrom: &rng, kernels: kernels)
  }

  /// Draws the parameters from `rng`, seeded with `seed`, and returns the model; what is
  /// drawn after it (a prediction head) continues the same stream, as in PyTorch.
  public func build(drawingFrom rng: inout TorchGenerator, kernels: KernelFamily = .amd)
    throws(ModelSpecError) -> RNNModel
  {
    try validate()
    let vocabulary = self.vocabulary
    let embedding = rng.embedding(count: vocabulary.count, dimension: inputs)
    let h0 = rng.randn([1, hidden])
    let cell = variant.draw(inputs: inputs, hidden: hidden, from: &rng)
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
