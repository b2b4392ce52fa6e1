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

  /// h_0 … h_T, read off the `hidden_state` events.
  public var hiddenStates: [Tensor] {
    [model.h0] + events.filter { $0.operation == .hiddenState }.map(\.result.value)
  }
}
