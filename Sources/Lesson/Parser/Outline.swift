import Model

/// The chapter's trace without its numbers: the same cell run on zeros of size 1.
///
/// Step numbers, operations and names do not depend on the values or the sizes, so this
/// tells the parser exactly which steps and names the real trace will have, from the
/// cells' own code rather than from a second description of them.
struct Outline {
  let variant: Variant
  let events: [TraceEvent]
  /// The first step whose result, or else whose operand, has each name.
  let names: [String: ValueReference]

  init(variant: Variant, vocabulary: [String], words: [String]) {
    self.variant = variant
    let one = Tensor(zeros: [1, 1])
    let cell = variant.zeroCell()
    let model = RNNModel(
      vocabulary: vocabulary, embedding: Tensor(zeros: [vocabulary.count, 1]), h0: one, cell: cell)
    events = model.trace(words).events
    var names: [String: ValueReference] = [:]
    for event in events {
      if names[event.result.name] == nil { names[event.result.name] = .result(step: event.step) }
      for (i, operand) in event.operands.enumerated() where names[operand.name] == nil {
        names[operand.name] = .operand(step: event.step, index: i)
      }
    }
    self.names = names
  }

  /// The operations of one time step, in order.
  func operations(at t: Int) -> [Operation] {
    events.filter { $0.t == t }.map(\.operation)
  }
}
