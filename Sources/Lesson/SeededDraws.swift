import Model

/// A run of draws after one `torch.manual_seed(seed)`, in the order the lesson makes them.
///
/// Order is the point: `E` in the lesson is the second 4×5 draw after `h_0`, so a draw
/// that is thrown away still has to be made.
///
/// A group may also go on from where an earlier chapter's last group left the generator,
/// as a notebook cell run after another draws from the same stream: it then starts from
/// that group's seed and makes that group's draws again, unnamed, before its own.
public struct SeededDraws: Equatable, Sendable {
  public let seed: UInt64
  /// The draws of the earlier chapter's group this one continues (every earlier group of
  /// the chain, in order), made again and discarded; empty after a `seed:` of its own.
  public let replayed: [TensorDraw]
  /// The chapter (from 1) whose stream this group continues; nil after a `seed:`.
  public let continuedChapter: Int?
  public let draws: [TensorDraw]

  public init(seed: UInt64, draws: [TensorDraw]) {
    self.init(seed: seed, replayed: [], continuedChapter: nil, draws: draws)
  }

  public init(seed: UInt64, replayed: [TensorDraw], continuedChapter: Int?, draws: [TensorDraw]) {
    self.seed = seed
    self.replayed = replayed
    self.continuedChapter = continuedChapter
    self.draws = draws
  }

  /// A group that goes on from where `earlier` left the generator.
  public init(continuing earlier: SeededDraws, chapter: Int, draws: [TensorDraw]) {
    let unnamed = earlier.draws.map { TensorDraw(name: nil, kind: $0.kind) }
    self.init(
      seed: earlier.seed, replayed: earlier.replayed + unnamed, continuedChapter: chapter,
      draws: draws)
  }

  /// Seeds a fresh generator and makes every draw, returning the named results.
  public func run(kernel: TorchGenerator.Kernel = .platformDefault) -> [NamedTensor] {
    var generator = TorchGenerator(seed: seed, kernel: kernel)
    return run(on: &generator)
  }

  /// Makes every draw on `generator`, seeded with `seed`, and leaves it where the last
  /// draw left it (for what is drawn next from the same stream: a prediction head).
  func run(on generator: inout TorchGenerator) -> [NamedTensor] {
    for draw in replayed { _ = draw.draw(from: &generator) }
    var out: [NamedTensor] = []
    for draw in draws { out += draw.draw(from: &generator) }
    return out
  }
}
