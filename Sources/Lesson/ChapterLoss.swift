import Model

/// What a chapter adds after its forward pass: a prediction head, a loss and its
/// backward pass, and, with `rounds`, that many rounds of plain SGD (`loss:`, `lr:` and
/// `steps:` in the lesson file).
public struct ChapterLoss: Equatable, Sendable {
  public let kind: LossKind
  /// The learning rate of the SGD rounds.
  public let learningRate: Double
  /// How many rounds of forward, loss, backward and update to run (`steps:`); nil for the
  /// one traced round alone.
  public let rounds: Int?

  public init(kind: LossKind, learningRate: Double = Self.defaultLearningRate, rounds: Int? = nil) {
    self.kind = kind
    self.learningRate = learningRate
    self.rounds = rounds
  }

  /// `rnntrace train`'s default.
  public static let defaultLearningRate = 0.1
}
