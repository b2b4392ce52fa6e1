import Foundation
import Testing

/// Output that cannot be written is an error, never a success: a full disk
/// (/dev/full) or a closed standard output gives one line and exit status 74, while
/// a reader that closes the pipe early still ends the program quietly.
@Suite struct StandardOutputTests {
  static let commands: [[String]] = [
    ["print", "--chapter", "1"],
    ["print", "--seed", "3"],
    ["lessons"],
    ["play", "--chapter", "2"],
    ["play", "--seed", "3"],
    ["export", "-o", "-"],
    ["print", "--loss", "next-word"],
    ["train", "--steps", "3"],
    ["train", "--steps", "3", "--format", "jsonl"],
    ["record", "--chapter", "1", "-o", "-"],
    ["--help"],
  ]

  /// Runs `rnntrace arguments` from a shell with `redirection` applied to its
  /// standard output.
  static func run(_ arguments: [String], redirection: String) throws -> CommandResult {
    try RNNTraceBinary.run(
      through: "exec \"$0\" \"$@\" \(redirection)", arguments)
  }

  @Test(arguments: commands)
  func aFullDiskIsAnError(arguments: [String]) throws {
    let result = try Self.run(arguments, redirection: ">/dev/full")
    #expect(result.status == 74, "\(arguments): \(result.stderr)")
    #expect(
      result.stderr == "rnntrace: error: cannot write standard output: No space left on device\n")
  }

  @Test(arguments: commands)
  func aClosedStandardOutputIsAnError(arguments: [String]) throws {
    let result = try Self.run(arguments, redirection: ">&-")
    #expect(result.status == 74, "\(arguments): \(result.stderr)")
    #expect(result.stderr == "rnntrace: error: cannot write standard output: Bad file descriptor\n")
  }

  @Test func verifyAndReplayCheckTheirOutput() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("trace.jsonl")
    #expect(try RNNTraceBinary.run(["export", "-o", log]).status == 0)
    for command in ["verify", "replay"] {
      let full = try Self.run([command, log], redirection: ">/dev/full")
      #expect(full.status == 74, "\(command): \(full.stderr)")
      #expect(full.stderr.contains("cannot write standard output: No space left on device"))
      let closed = try Self.run([command, log], redirection: ">&-")
      #expect(closed.status == 74, "\(command): \(closed.stderr)")
      // The log was not written into, though it may have taken descriptor 1.
      #expect(try RNNTraceBinary.run(["verify", log]).status == 0)
    }
  }

  /// A reader that stops early (`head`) ends a long walkthrough through SIGPIPE,
  /// with no message.
  @Test func aClosedPipeEndsQuietly() throws {
    let result = try RNNTraceBinary.run(
      through: "\"$0\" \"$@\" | head -c 10 >/dev/null; echo ${PIPESTATUS[0]} >&2",
      ["print", "--seed", "3", "--sentence", String(repeating: "a b c d ", count: 2_500)],
      shell: "/bin/bash")
    #expect(result.stderr == "141\n")
  }
}

extension RNNTraceBinary {
  /// Runs `rnntrace arguments` through a shell `script`, in which `$0` is the binary
  /// and `$@` the arguments.
  static func run(
    through script: String, _ arguments: [String], shell: String = "/bin/sh"
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = ["-c", script, url.path] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errBytes = Data()
    group.enter()
    DispatchQueue.global().async {
      errBytes = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outBytes = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outBytes, as: UTF8.self),
      stderr: String(decoding: errBytes, as: UTF8.self), stdoutBytes: outBytes)
  }
}
