import Benchmark

/// Rates reported beside the harness's own metrics, so the table reads in the units
/// of the targets (events per second, megabytes per second) rather than in runs.
enum Rate {
  static let events = BenchmarkMetric.custom(
    "events/s", polarity: .prefersLarger, useScalingFactor: false)
  static let megabytes = BenchmarkMetric.custom(
    "MB/s", polarity: .prefersLarger, useScalingFactor: false)

  /// Times `body` and records `units / seconds` for `metric`.
  @inline(__always)
  static func measure<T>(
    _ benchmark: Benchmark, _ metric: BenchmarkMetric, scale: Double = 1,
    _ body: () -> (result: T, units: Int)
  ) {
    let clock = ContinuousClock()
    let start = clock.now
    let (result, units) = body()
    let elapsed = start.duration(to: clock.now)
    blackHole(result)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    if seconds > 0 { benchmark.measurement(metric, Int(Double(units) / seconds / scale)) }
  }
}
