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
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Model", package: "rnntrace"),
      ],
      path: "Benchmarks/RNNTraceBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
