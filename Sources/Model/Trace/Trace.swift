/// A recorded run: the model, the words it read and every event, in order.
public struct Trace: Sendable {
  public let model: RNNModel
  public let words: [String]
  public let events: [TraceEvent]

  public init(model: RNNModel, words: [String], events: [TraceEvent]) {
    self.model = model
    self.words = words
    self.events = events
  }

  /// h_0 … h_T, read off the forward pass's `hidden_state` events.
  public var hiddenStates: [Tensor] {
    [model.h0]
      + events.filter { $0.operation == .hiddenState && $0.pass == .forward }.map(\.result.value)
  }

  /// dL/dh_t for each t the backward pass reached, read off its `hidden_state` events, in
  /// the order it reached them (from the last counted position back to t = 1).
  public var hiddenGradients: [(t: Int, gradient: Tensor)] {
    events.filter { $0.operation == .hiddenState && $0.pass == .backward }.map {
      ($0.t, $0.result.value)
    }
  }
}
