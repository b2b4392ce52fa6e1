// swift-tools-version: 6.1
import PackageDescription

// The benchmarks live in their own package so that `swift build` and `swift test` of
// rnntrace never compile them (nor fetch the benchmark package). Run from this folder:
//   swift package benchmark
let package = Package(
  name: "RNNTraceBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "rnntrace", path: ".."),
    // The malloc interposer counts allocations; the runtime interposer (the other
    // default trait) is left out: it is not needed for these metrics.
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "RNNTraceBenchmarks",
      dependencies: [
        "Workloads",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Model", package: "rnntrace"),
        .product(name: "TraceLog", package: "rnntrace"),
        .product(name: "TUI", package: "rnntrace"),
      ],
      path: "Benchmarks/RNNTraceBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // The models, words and listeners the benchmarks share with the profiling driver.
    .target(
      name: "Workloads",
      dependencies: [
        .product(name: "Model", package: "rnntrace"),
        .product(name: "Lesson", package: "rnntrace"),
        .product(name: "TraceLog", package: "rnntrace"),
        .product(name: "TUI", package: "rnntrace"),
      ]),
    // The same work without the harness, to run under valgrind's callgrind.
    .executableTarget(
      name: "Profile",
      dependencies: [
        "Workloads",
        .product(name: "Model", package: "rnntrace"),
        .product(name: "TraceLog", package: "rnntrace"),
        .product(name: "TUI", package: "rnntrace"),
      ]
    ),
  ]
)
