import Foundation
import Model

/// What a model with its head predicts after each word of its sentence: the word it
/// scores highest as the next one, the true next word and the probability it gives it.
public struct Predictions: Sendable {
  public struct Item: Sendable {
    /// The word just read (word t).
    public let read: String
    /// The word the head scores highest after it.
    public let guess: String
    /// Word t+1.
    public let truth: String
    /// softmax(y_t)[word t+1].
    public let probability: Float
  }

  /// One item per position t = 1 … T-1.
  public let items: [Item]

  public init(_ learner: Learner) {
    let model = learner.model
    let words = learner.words
    let states = model.hiddenStates(for: words)
    var items: [Item] = []
    for t in 1..<words.count {
      let y = learner.head.logits(states[t]).scalars
      let best = y.indices.max { y[$0] < y[$1] }!
      let target = model.index(of: words[t])!
      // Shown to four decimals: a plain softmax in double precision is exact enough.
      let top = Double(y[best])
      let total = y.reduce(0.0) { $0 + exp(Double($1) - top) }
      items.append(
        Item(
          read: words[t - 1], guess: model.vocabulary[best], truth: words[t],
          probability: Float(exp(Double(y[target]) - top) / total)))
    }
    self.items = items
  }
}
