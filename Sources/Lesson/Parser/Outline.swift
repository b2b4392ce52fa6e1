import Model

/// The chapter's trace without its numbers: the same cell run on zeros of size 1.
///
/// Step numbers, operations and names do not depend on the values or the sizes, so this
/// tells the parser exactly which steps and names the real trace will have, from the
/// cells' own code rather than from a second description of them. With a loss, the
/// outline goes on to the loss and the backward pass as the chapter's round does.
struct Outline {
  let variant: Variant
  let events: [TraceEvent]
  /// The first step whose result, or else whose operand, has each name; a gradient of
  /// the backward pass names its last step (a weight's gradient summed over all time).
  let names: [String: ValueReference]
  /// The loss the outline goes on to, if any, and the rounds that follow it.
  let loss: ChapterLoss?

  init(variant: Variant, vocabulary: [String], words: [String], loss: ChapterLoss? = nil) {
    self.variant = variant
    self.loss = loss
    let one = Tensor(zeros: [1, 1])
    let cell = variant.zeroCell()
    let model = RNNModel(
      vocabulary: vocabulary, embedding: Tensor(zeros: [vocabulary.count, 1]), h0: one, cell: cell)
    if let loss,
      let learner = try? Learner(
        model: model,
        head: PredictionHead(
          weight: Tensor(zeros: [vocabulary.count, 1]), bias: Tensor(zeros: [vocabulary.count])),
        words: words, loss: loss.kind)
    {
      var run = RNNRun(model: model, listener: TraceRecorder())
      for word in words { _ = run.read(word) }
      var tracer = Tracer(listener: run.tracer.listener, step: run.tracer.step)
      _ = learner.backward(trace: &tracer)
      events = tracer.listener.events
    } else {
      events = model.trace(words).events
    }
    var names: [String: ValueReference] = [:]
    for event in events {
      let result = event.result.name
      if names[result] == nil || event.pass == .backward {
        names[result] = .result(step: event.step)
      }
      for (i, operand) in event.operands.enumerated() where names[operand.name] == nil {
        names[operand.name] = .operand(step: event.step, index: i)
      }
    }
    // dL/dh_0 is only ever "dL/dh_0 from step 1" (h_0 feeds nothing else): named both ways.
    for (name, reference) in names where name.hasPrefix("dL/dh_") {
      guard let cut = name.range(of: " from step ") else { continue }
      let whole = String(name[..<cut.lowerBound])
      if names[whole] == nil { names[whole] = reference }
    }
    self.names = names
  }

  /// The operations of one time step, in order.
  func operations(at t: Int, pass: Pass = .forward) -> [Operation] {
    var seen = Set<Operation>()
    return events.filter { $0.t == t && $0.pass == pass }.map(\.operation)
      .filter { seen.insert($0).inserted }
  }

  /// The step that computes the loss L (the total of its terms).
  var lossStep: Int? {
    events.last { $0.pass == .forward && $0.operation == .loss }?.step
  }

  /// The first step of the backward pass.
  var backwardStep: Int? {
    events.first { $0.pass == .backward }?.step
  }
}
