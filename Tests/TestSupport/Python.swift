import Foundation

/// Whether `python3` runs and imports every module in `modules`. A test that needs
/// Python says so with `.enabled(if: pythonHas(…))`, and is skipped where it is missing.
public func pythonHas(_ modules: String...) -> Bool {
  let imports = (["sys"] + modules).map { "import \($0)" }.joined(separator: "\n")
  return (try? runPython(imports))?.status == 0
}

/// Runs `python3 -c script arguments…` and returns its exit status and what it wrote
/// (standard output and error together). Throws when python3 cannot be started: a test
/// that calls this is enabled only `if: pythonHas(…)`.
public func runPython(_ script: String, _ arguments: [String] = []) throws -> (
  status: Int32, output: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A scratch file holding `bytes`, removed by the caller.
public func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rnntrace-\(UUID().uuidString)\(suffix)")
  try Data(bytes).write(to: url)
  return url
}
