import Benchmark
import Model
import TraceLog
import Workloads

/// The backward pass (`Learner`): one round of forward, next-word loss and backpropagation
/// through time with a prediction head over the vocabulary, untraced (what `train` runs
/// each round), with a counting listener (every backward event built), and encoded as
/// `export --loss` writes it. `events/s` counts the loss and backward events of a pass.
func backwardBenchmarks() {
  let lesson = BackwardWorkload(Workload.lesson)
  let long = BackwardWorkload(Workload.long)
  // A tenth of the long text for the encoded run, some 46 KB a word (y_t and dL/dy_t,
  // V values each; the head's terms and running sums are written without values).
  let encoded = BackwardWorkload(
    Workload(inputs: 8, hidden: 16, words: Workload.randomWords(1_000)))

  for workload in [lesson, long] {
    let config = Benchmark.Configuration(
      metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, Rate.events],
      maxDuration: .seconds(3))
    Benchmark("Backward \(workload.label) untraced", configuration: config) { benchmark in
      Rate.measure(benchmark, Rate.events) {
        var trace = Tracer(listener: NoTrace())
        let pass = workload.learner.backward(trace: &trace, keepingStates: false)
        return (pass.loss, workload.events)
      }
    }
    Benchmark("Backward \(workload.label) counting listener", configuration: config) {
      benchmark in
      Rate.measure(benchmark, Rate.events) {
        var trace = Tracer(listener: CountingListener())
        _ = workload.learner.backward(trace: &trace, keepingStates: false)
        return (trace.listener.count, workload.events)
      }
    }
  }

  let config = Benchmark.Configuration(
    metrics: [.wallClock, .peakMemoryResident, Rate.megabytes], maxDuration: .seconds(5),
    maxIterations: 5)
  let header = TraceHeader(
    model: encoded.learner.model, head: encoded.learner.head, loss: .nextWord,
    words: encoded.learner.words, seed: 0, source: "ad-hoc model")
  Benchmark("Backward \(encoded.label) encoded jsonl", configuration: config) { benchmark in
    Rate.measure(benchmark, Rate.megabytes, scale: 1e6) {
      var listener = DiscardingEncoderListener(encoder: JSONLinesEncoder())
      listener.begin(header)
      var trace = Tracer(listener: listener)
      _ = encoded.learner.backward(trace: &trace, keepingStates: false)
      listener = trace.listener
      listener.finish()
      return (listener.bytes, listener.bytes)
    }
  }
}

/// A workload's model with a prediction head drawn next, learning next-word.
struct BackwardWorkload: Sendable {
  let label: String
  let learner: Learner
  /// Loss and backward events of one pass.
  let events: Int

  init(_ workload: Workload) {
    label = workload.label
    let spec = ModelSpec(
      variant: .linearTanh, seed: workload.seed, inputs: workload.model.inputs,
      hidden: workload.model.hidden, words: workload.words)
    do {
      let (model, head) = try spec.buildWithHead()
      learner = try Learner(model: model, head: head, words: workload.words, loss: .nextWord)
    } catch {
      fatalError("cannot build the backward benchmark \(label): \(error)")
    }
    var trace = Tracer(listener: CountingListener())
    _ = learner.backward(trace: &trace, keepingStates: false)
    events = trace.listener.count
  }
}
