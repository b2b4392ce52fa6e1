import Benchmark
import Model
import TraceLog
import Workloads

/// Heap allocations per traced step (one word: 8 events for `linear-tanh`), counted
/// by the harness's malloc interposer. Each iteration reads 1,000 words of a run that
/// is already going, and the counts are scaled to one word.
func allocationBenchmarks() {
  let config = Benchmark.Configuration(
    metrics: [.mallocCountTotal, .mallocBytesCount], scalingFactor: .kilo,
    maxDuration: .seconds(1), maxIterations: 50)
  let workload = Workload.long

  Benchmark("Allocations per step (8, 16) no listener", configuration: config) { benchmark in
    var run = RNNRun(model: workload.model, listener: NoTrace())
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations { blackHole(run.read(workload.words[i])) }
    benchmark.stopMeasurement()
  }

  Benchmark("Allocations per step (8, 16) counting listener", configuration: config) {
    benchmark in
    var run = RNNRun(model: workload.model, listener: CountingListener())
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations { blackHole(run.read(workload.words[i])) }
    benchmark.stopMeasurement()
  }

  Benchmark("Allocations per step (8, 16) jsonl encoder", configuration: config) { benchmark in
    var run = RNNRun(
      model: workload.model, listener: DiscardingEncoderListener(encoder: JSONLinesEncoder()))
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations { blackHole(run.read(workload.words[i])) }
    benchmark.stopMeasurement()
  }
}
