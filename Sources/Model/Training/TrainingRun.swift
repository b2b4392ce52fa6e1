/// Rounds of training, kept for showing: the loss before each round, the first round's
/// pass and SGD update, and the learner the last round left.
///
/// `train` prints it; the player shows its update and loss curve (`play --loss --steps
/// N`, a lesson chapter with `steps:`).
public struct TrainingRun: Sendable {
  public let learningRate: Double
  /// The loss before each round's update, round 1 first.
  public let losses: [Float]
  /// The first round's forward and backward pass.
  public let first: BackwardPass
  /// The first round's update: each parameter before it, its gradient and after it.
  public let firstUpdate: [ParameterUpdate]
  /// The learner after the last round's update.
  public let learner: Learner
  /// The loss the parameters after the last update give.
  public let lossAfter: Float

  /// Runs `rounds` rounds (at least one) of `learner` at `learningRate`, calling
  /// `progress` with the number of rounds done after each.
  public init(
    _ learner: Learner, rounds: Int, learningRate: Double,
    progress: (Int) -> Void = { _ in }
  ) {
    precondition(rounds >= 1, "a training run needs at least one round")
    var learner = learner
    var losses: [Float] = []
    losses.reserveCapacity(rounds)
    let before = learner.parameters
    let first = learner.round(learningRate: learningRate)
    losses.append(first.loss)
    firstUpdate = zip(before, zip(first.gradients, learner.parameters)).map {
      ParameterUpdate(
        name: $0.name, before: $0.value, gradient: $1.0.value, after: $1.1.value)
    }
    progress(1)
    for round in 1..<rounds {
      losses.append(learner.round(learningRate: learningRate).loss)
      progress(round + 1)
    }
    self.learningRate = learningRate
    self.losses = losses
    self.first = first
    self.learner = learner
    lossAfter = learner.evaluate()
  }
}

/// One parameter's SGD step: p_new = p - lr·dL/dp.
public struct ParameterUpdate: Sendable {
  /// As PyTorch names it (`embedding.weight`, `Wh.weight`, `head.bias`, ...).
  public let name: String
  public let before: Tensor
  public let gradient: Tensor
  public let after: Tensor
}
