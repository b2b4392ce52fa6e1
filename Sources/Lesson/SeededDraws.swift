import Model

/// A run of draws after one `torch.manual_seed(seed)`, in the order the lesson makes them.
///
/// Order is the point: `E` in the lesson is the second 4×5 draw after `h_0`, so a draw
/// that is thrown away still has to be made.
public struct SeededDraws: Equatable, Sendable {
  public let seed: UInt64
  public let draws: [TensorDraw]

  public init(seed: UInt64, draws: [TensorDraw]) {
    self.seed = seed
    self.draws = draws
  }

  /// Seeds a fresh generator and makes every draw, returning the named results.
  public func run(kernel: TorchGenerator.Kernel = .platformDefault) -> [NamedTensor] {
    var generator = TorchGenerator(seed: seed, kernel: kernel)
    var out: [NamedTensor] = []
    for draw in draws { out += draw.draw(from: &generator) }
    return out
  }
}
