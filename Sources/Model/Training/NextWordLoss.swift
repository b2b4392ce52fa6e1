/// Which predictions the loss counts: the model reads the words and, from each hidden
/// state h_t (t = 1 … T-1), a prediction head guesses word t+1.
public enum LossKind: String, CaseIterable, Sendable {
  /// The mean cross-entropy of every prediction: `torch.stack(losses).mean()`.
  case nextWord = "next-word"
  /// The cross-entropy of the last prediction only (word T from h_{T-1}): how the
  /// gradient fades as it travels back through time.
  case lastWord = "last-word"

  /// The positions t whose prediction counts, for `wordCount` words (at least two).
  public func positions(wordCount: Int) -> ClosedRange<Int> {
    switch self {
    case .nextWord: 1...(wordCount - 1)
    case .lastWord: (wordCount - 1)...(wordCount - 1)
    }
  }
}

/// `F.cross_entropy(logits, [target])` of one row of logits, as PyTorch's CPU computes it:
/// `log_softmax` then `nll_loss`, and backwards `nll_loss_backward` then
/// `log_softmax_backward`.
struct CrossEntropy {
  /// `log_softmax(logits)`: x - max - log(Σ exp(x - max)), subtracted in that order.
  let logProbabilities: [Float]
  /// `-log_softmax(logits)[target]`.
  let loss: Float
  let target: Int

  init(logits: [Float], target: Int) {
    let (maximum, logTotal) = Self.logSumExp(logits)
    logProbabilities = logits.map { ($0 - maximum) - logTotal }
    // nll_loss: a sum starting at 0 minus each weighted term, over a total weight of 1.
    loss = 0 - logProbabilities[target]
    self.target = target
  }

  /// `-log_softmax(logits)[target]` alone, as `init` computes it, for a forward pass that
  /// needs no other log-probability.
  static func loss(logits: [Float], target: Int) -> Float {
    let (maximum, logTotal) = logSumExp(logits)
    return 0 - ((logits[target] - maximum) - logTotal)
  }

  /// The largest logit and log Σ exp(x - max), in log_softmax's order.
  private static func logSumExp(_ logits: [Float]) -> (maximum: Float, logTotal: Float) {
    let maximum = TorchKernels.maximum(logits)
    let shifted = TorchKernels.exp(logits, minus: maximum)
    let total = shifted.withUnsafeBufferPointer { TorchKernels.reduceAllSum($0) }
    return (maximum, TorchKernels.log(total))
  }

  /// softmax(logits), as the backward pass recomputes it: exp of the log-probabilities.
  var probabilities: [Float] { TorchKernels.exp(logProbabilities, minus: 0) }

  /// dL/dlogits for dL/dloss = `upstream`: nll_loss's backward puts -upstream at the
  /// target; log_softmax's backward takes g - exp(log p)·Σg, where Σg = -upstream, as one
  /// fused multiply-add (the wheel's compiler fuses the vector product and difference).
  func gradient(upstream: Float) -> [Float] {
    var g = [Float](repeating: 0, count: logProbabilities.count)
    g[target] = -upstream
    let total = g.withUnsafeBufferPointer { TorchKernels.reduceAllSum($0) }
    TorchKernels.logSoftmaxBackward(logProbabilities, total: total, into: &g)
    return g
  }
}
