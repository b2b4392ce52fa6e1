extension Learner {
  /// The whole trace of one round, in memory: the forward pass over the words, then the
  /// loss and the backward pass, numbered on from the forward steps.
  public func tracedRound() -> (trace: Trace, pass: BackwardPass) {
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    var tracer = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    let pass = backward(trace: &tracer)
    return (Trace(model: model, words: words, events: tracer.listener.events), pass)
  }
}
