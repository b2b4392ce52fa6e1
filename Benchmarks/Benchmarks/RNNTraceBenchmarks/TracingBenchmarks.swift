import Benchmark
import Model
import Workloads

/// The trace engine: the same words with no listener, a counting listener and the
/// in-memory recorder, beside the recurrence written without any tracing.
/// `events/s` counts the events a traced run emits (8 a word), also for the runs that
/// emit none, so that the rows compare directly.
func tracingBenchmarks() {
  for workload in Workload.all {
    let config = Benchmark.Configuration(
      metrics: [.wallClock, .mallocCountTotal, Rate.events], maxDuration: .seconds(2))
    let events = workload.eventsPerPass

    Benchmark("Trace \(workload.label) plain arithmetic, no tracer", configuration: config) {
      benchmark in
      let plain = PlainLinearTanh(workload.model)
      Rate.measure(benchmark, Rate.events) { (plain.run(workload.words), events) }
    }

    Benchmark("Trace \(workload.label) no listener", configuration: config) { benchmark in
      Rate.measure(benchmark, Rate.events) {
        var run = RNNRun(model: workload.model, listener: NoTrace())
        for word in workload.words { _ = run.read(word) }
        return (run.hiddenState, events)
      }
    }

    Benchmark("Trace \(workload.label) counting listener", configuration: config) { benchmark in
      Rate.measure(benchmark, Rate.events) {
        var run = RNNRun(model: workload.model, listener: CountingListener())
        for word in workload.words { _ = run.read(word) }
        return (run.tracer.listener.count, events)
      }
    }

    Benchmark("Trace \(workload.label) in-memory recorder", configuration: config) { benchmark in
      Rate.measure(benchmark, Rate.events) {
        var run = RNNRun(model: workload.model, listener: TraceRecorder())
        for word in workload.words { _ = run.read(word) }
        return (run.tracer.listener.events, events)
      }
    }
  }
}
