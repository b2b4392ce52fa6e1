import Benchmark

/// `swift package benchmark` in Benchmarks/ runs these; the README's "Performance"
/// section has the results on a 2-core machine and how to read them.
let benchmarks: @Sendable () -> Void = {
  tracingBenchmarks()
  exportBenchmarks()
  allocationBenchmarks()
  renderBenchmarks()
  backwardBenchmarks()
  whatIfBenchmarks()
}
