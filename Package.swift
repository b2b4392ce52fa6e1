// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "rnntrace",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "rnntrace", targets: ["RNNTrace"]),
    .library(name: "Model", targets: ["Model"]),
    .library(name: "Lesson", targets: ["Lesson"]),
    .library(name: "TraceLog", targets: ["TraceLog"]),
    .library(name: "TUI", targets: ["TUI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // Float32 tensors, PyTorch's CPU generator, the lesson's RNN cells and their trace
    // events. Pure values: no terminal, no files, no formats.
    .target(name: "Model", dependencies: ["TanhTables", "FusedKernels"]),
    // MKL's Intel AVX-512 tanh flip table, a binary file compiled in by C's #embed (see
    // scripts/generate_tanh_flips.py).
    .target(name: "TanhTables", exclude: ["intel-avx512.flips"]),
    // The loss's exponentials with the processor's fused multiply-adds where it has
    // them (the same bits as libm's fmaf, many times faster).
    .target(name: "FusedKernels"),
    // The lesson format: its types, the YAML parser and its errors, and the bundled
    // lessons, compiled in as bytes. Each is a symlink to lessons/, which stays the only
    // copy of the file.
    .target(
      name: "Lesson",
      dependencies: ["Model", .product(name: "Yams", package: "Yams")],
      resources: [
        .embedInCode("Bundled/rnn-pytorch.yaml"), .embedInCode("Bundled/rnn-learning.yaml"),
      ]
    ),
    // Trace logs: the encoders (JSON Lines, CSV, Chrome), the reader, the verifier, and
    // the byte buffers and float formatting they share.
    .target(name: "TraceLog", dependencies: ["Model"]),
    // The wide-character ncurses library, through a small shim header (macros and
    // mutable globals that Swift cannot import are wrapped there).
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    // The player: pure state, update and render into a cell grid, one curses backend.
    .target(name: "TUI", dependencies: ["Model", "CNcurses"]),
    // The `rnntrace` command: subcommands, options, files.
    .executableTarget(
      name: "RNNTrace",
      dependencies: [
        "Model", "Lesson", "TraceLog", "TUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What several test targets share: bit patterns, running Python.
    .target(name: "TestSupport", dependencies: ["Model"], path: "Tests/TestSupport"),
    .testTarget(
      name: "ModelTests",
      dependencies: ["Model", "FusedKernels", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "LessonTests",
      dependencies: ["Lesson", "Model", "TraceLog", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "TraceLogTests",
      dependencies: ["TraceLog", "Lesson", "Model", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "TUITests", dependencies: ["TUI", "Model"]),
    .testTarget(
      name: "RNNTraceTests",
      // TUI: recordings are checked against the player's own frames.
      dependencies: ["RNNTrace", "Model", "Lesson", "TraceLog", "TestSupport", "TUI"]
    ),
  ]
)
