import Model

/// One model and the words it reads: the sizes the issue names, built the way
/// `rnntrace export --inputs D --hidden H --sentence …` builds them.
public struct Workload: Sendable {
  /// `(4, 2, 5)`: inputs, hidden, words.
  public let label: String
  public let model: RNNModel
  public let words: [String]
  public let seed: UInt64
  /// Events per pass over `words` (8 a word for `linear-tanh`).
  public let eventsPerPass: Int

  public init(inputs: Int, hidden: Int, words: [String], seed: UInt64 = 0) {
    self.label = "(\(inputs), \(hidden), \(words.count))"
    self.words = words
    self.seed = seed
    let spec = ModelSpec(
      variant: .linearTanh, seed: seed, inputs: inputs, hidden: hidden, words: words)
    do {
      self.model = try spec.build()
    } catch {
      fatalError("cannot build the benchmark model \(label): \(error)")
    }
    var run = RNNRun(model: model, listener: CountingListener())
    for word in words { _ = run.read(word) }
    self.eventsPerPass = run.tracer.listener.count
  }

  /// The lesson's size: its sentence, four inputs, two hidden units.
  public static let lesson = Workload(
    inputs: 4, hidden: 2, words: ["the", "dog", "jumped", "over", "a"])
  /// A long text through a small model.
  public static let long = Workload(inputs: 8, hidden: 16, words: randomWords(10_000))
  /// A shorter text through a wide model, where the products dominate.
  public static let wide = Workload(inputs: 256, hidden: 256, words: randomWords(1_000))

  public static let all = [lesson, long, wide]

  /// `count` words drawn from a 1,000-word vocabulary (`w0` … `w999`), as the eager
  /// PyTorch loop that `scripts/bench_vs_torch.py` compares with draws word indices; the
  /// same words on every run.
  public static func randomWords(_ count: Int, vocabulary: Int = 1_000) -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      // SplitMix64: fixed, fast, and good enough to spread words over the vocabulary.
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return "w\(z % UInt64(vocabulary))"
    }
  }
}
