import Foundation

/// Runs the built `rnntrace` binary as a user would, capturing what it prints.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
  var stdoutBytes: Data
}

enum RNNTraceBinary {
  /// The `rnntrace` executable that `swift test` built beside the test bundle.
  static let url: URL = {
    let candidates = [
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Bundle.main.bundleURL,
    ]
    for directory in candidates {
      let binary = directory.appendingPathComponent("rnntrace")
      if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
    }
    fatalError("rnntrace binary not found beside the tests (looked in \(candidates))")
  }()

  /// Runs `rnntrace arguments…` in `directory`, feeding `input` on standard input.
  static func run(
    _ arguments: [String], input: Data = Data(), directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes concurrently so that neither fills up and blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errBytes = Data()
    group.enter()
    DispatchQueue.global().async {
      errBytes = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    let outBytes = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      stdout: String(decoding: outBytes, as: UTF8.self),
      stderr: String(decoding: errBytes, as: UTF8.self),
      stdoutBytes: outBytes)
  }
}

/// A fresh directory for one test, removed afterwards.
struct ScratchDirectory: ~Copyable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rnntrace-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// The names in the directory, hidden ones included (a leftover temporary shows).
  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}
