import Foundation
import Testing

/// Bad input gets one line naming the option, what was given and what is accepted,
/// exit status 64, and leaves existing files as they were.
@Suite struct CommandErrorTests {
  @Test(
    arguments: [
      (["print", "--hidden", "0"], "--hidden", "'0'", "1 to 4096"),
      (["print", "--inputs", "-3"], "--inputs", "'-3'", "1 to 4096"),
      (["export", "--seed", "18446744073709551616"], "--seed", "'18446744073709551616'", "2^64-1"),
      (["export", "--seed", "2^64"], "--seed", "'2^64'", "2^64-1"),
      (["print", "--sentence", ""], "--sentence", "no words", "at least one word"),
      (["print", "--sentence", " \t "], "--sentence", "no words", "at least one word"),
      (["print", "--variant", "lstm"], "--variant", "'lstm'", "linear-tanh"),
      (["export", "--inputs", "4096", "--hidden", "4096"], "--hidden", "parameters", "16777216"),
      (["print", "--precision", "12"], "--precision", "12", "0 to 9"),
    ])
  func badOptionIsOneLineWithStatus64(
    arguments: [String], option: String, given: String, accepted: String
  ) throws {
    let result = try RNNTraceBinary.run(arguments)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
    #expect(result.stderr.contains(option))
    #expect(result.stderr.contains(given))
    #expect(result.stderr.contains(accepted))
  }

  @Test func exportIntoMissingDirectoryNamesTheDirectory() throws {
    let scratch = try ScratchDirectory()
    let target = scratch.path("missing/trace.jsonl")
    let result = try RNNTraceBinary.run(["export", "-o", target])
    #expect(result.status == 64)
    #expect(result.stderr.contains("-o \(target)"))
    #expect(result.stderr.contains("does not exist"))
    #expect(try scratch.contents().isEmpty)
  }

  @Test func exportOverReadOnlyFileLeavesItUntouched() throws {
    let scratch = try ScratchDirectory()
    let target = scratch.path("kept.jsonl")
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target)
    let result = try RNNTraceBinary.run(["export", "-o", target])
    #expect(result.status == 64)
    #expect(result.stderr.contains("read-only"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
    #expect(try scratch.contents() == ["kept.jsonl"])
  }

  @Test func badOptionLeavesExistingOutputUntouched() throws {
    let scratch = try ScratchDirectory()
    let target = scratch.path("trace.jsonl")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    let result = try RNNTraceBinary.run(["export", "--hidden", "0", "-o", target])
    #expect(result.status == 64)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
    #expect(try scratch.contents() == ["trace.jsonl"])
  }

  @Test func exportIntoADirectoryIsRefused() throws {
    let scratch = try ScratchDirectory()
    let result = try RNNTraceBinary.run(["export", "-o", scratch.url.path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("is a directory"))
  }

  @Test func unknownOptionSaysWhereToLook() throws {
    let result = try RNNTraceBinary.run(["export", "--bogus"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--bogus"))
    #expect(result.stderr.contains("rnntrace export --help"))
  }

  @Test(arguments: [["--help"], ["print", "--help"], ["export", "--help"]])
  func helpShowsExamples(arguments: [String]) throws {
    let result = try RNNTraceBinary.run(arguments)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("rnntrace"))
  }

  @Test func versionIsPrinted() throws {
    let result = try RNNTraceBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: ".").count == 3)
  }
}
