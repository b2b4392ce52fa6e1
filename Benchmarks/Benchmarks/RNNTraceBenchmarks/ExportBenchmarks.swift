import Benchmark
import Model
import TraceLog
import Workloads

/// The exporters: every format, as `rnntrace export` drives it (header, then the
/// model's events as they are computed), into a sink that discards the bytes.
/// `MB/s` counts encoded bytes (10^6 a megabyte).
func exportBenchmarks() {
  exportBenchmarks(format: "jsonl") { JSONLinesEncoder() }
  exportBenchmarks(format: "csv") { CSVEncoder() }
  exportBenchmarks(format: "chrome") { ChromeTraceEncoder() }
}

func exportBenchmarks<Encoder: TraceEncoder>(
  format: String, _ makeEncoder: @escaping @Sendable () -> Encoder
) {
  for workload in [Workload.long, Workload.wide] {
    let config = Benchmark.Configuration(
      metrics: [.wallClock, .mallocCountTotal, Rate.megabytes], maxDuration: .seconds(3))
    let header = TraceHeader(
      model: workload.model, words: workload.words, seed: workload.seed, source: "ad-hoc model")

    Benchmark("Export \(format) \(workload.label) trace and encode", configuration: config) {
      benchmark in
      Rate.measure(benchmark, Rate.megabytes, scale: 1e6) {
        var listener = DiscardingEncoderListener(encoder: makeEncoder())
        listener.begin(header)
        var run = RNNRun(model: workload.model, listener: listener)
        for word in workload.words { _ = run.read(word) }
        listener = run.tracer.listener
        listener.finish()
        return (listener.bytes, listener.bytes)
      }
    }

    Benchmark("Export \(format) \(workload.label) encode recorded events", configuration: config) {
      benchmark in
      let events = workload.model.trace(workload.words).events
      benchmark.startMeasurement()
      Rate.measure(benchmark, Rate.megabytes, scale: 1e6) {
        var listener = DiscardingEncoderListener(encoder: makeEncoder())
        listener.begin(header)
        for event in events { listener.receive(event) }
        listener.finish()
        return (listener.bytes, listener.bytes)
      }
      benchmark.stopMeasurement()
    }
  }
}
