import Foundation
import TestSupport
import Testing

/// What a user does with logs: export, verify, replay, edit a value and be told.
@Suite struct LogCommandTests {
  static let lessonLog = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../TraceLogTests/Fixtures/logs/lesson-linear.jsonl").standardized.path

  static let model = [
    "--seed", "7", "--inputs", "3", "--hidden", "2", "--sentence", "the dog the cat",
  ]

  @Test(arguments: ["linear", "raw-tanh", "linear-tanh", "torch-rnn"])
  func exportThenVerifyExitsZero(variant: String) throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("trace.jsonl")
    let export = try RNNTraceBinary.run(
      ["export", "--variant", variant] + Self.model + ["-o", log])
    #expect(export.status == 0, "\(export.stderr)")
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("verified"))
    #expect(verify.stderr.isEmpty)
  }

  @Test(arguments: ["linear", "raw-tanh", "linear-tanh", "torch-rnn"])
  func replayShowsTheSameTraceAsPrint(variant: String) throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("trace.jsonl")
    let arguments = ["--variant", variant] + Self.model
    #expect(try RNNTraceBinary.run(["export"] + arguments + ["-o", log]).status == 0)
    let printed = try RNNTraceBinary.run(["print"] + arguments)
    let replayed = try RNNTraceBinary.run(["replay", log])
    #expect(replayed.status == 0, "\(replayed.stderr)")
    // Everything but the title line: parameters, every step, every value.
    let body = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
    #expect(body(replayed.stdout) == body(printed.stdout))
    #expect(replayed.stdout.hasPrefix("Recorded trace \(log): ad-hoc model, \(variant), seed 7"))
  }

  @Test func exportFromStandardInputVerifies() throws {
    let export = try RNNTraceBinary.run(["export"] + Self.model)
    let verify = try RNNTraceBinary.run(["verify", "-"], input: export.stdoutBytes)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.hasPrefix("standard input: verified: 32 events over 4 words"))
  }

  /// What verify is for: one digit of one value changed makes verify exit 1 and
  /// name the line and step, and replay refuse unless told otherwise.
  @Test func oneChangedDigitIsNamedByLineAndStep() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("edited.jsonl")
    let original = try String(contentsOfFile: Self.lessonLog, encoding: .utf8)
    // z_3 = 1.3492137 (line 15, step 14, then h_3 on line 16) becomes 1.3492138.
    let edited = original.replacing("1.3492137", with: "1.3492138", maxReplacements: 1)
    #expect(edited != original)
    try edited.write(toFile: log, atomically: true, encoding: .utf8)

    #expect(try RNNTraceBinary.run(["verify", Self.lessonLog]).status == 0)
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 1)
    #expect(verify.stdout.isEmpty)
    #expect(verify.stderr.split(separator: "\n").count == 1)
    #expect(
      verify.stderr.hasPrefix("rnntrace: error: \(log): line 15, step 14 (add): result.values[0]"))
    #expect(verify.stderr.contains("expected 1.3492137"))

    let replay = try RNNTraceBinary.run(["replay", log])
    #expect(replay.status == 1)
    #expect(replay.stderr.contains("line 15, step 14"))
    #expect(replay.stderr.contains("--no-verify"))
    #expect(replay.stdout.isEmpty)

    // --no-verify does not check it: it is shown as recorded, under a warning that says so.
    let anyway = try RNNTraceBinary.run(["replay", "--no-verify", log])
    #expect(anyway.status == 0)
    #expect(anyway.stdout.hasPrefix("WARNING: \(log) is not verified (--no-verify)"))
    #expect(anyway.stderr.hasPrefix("rnntrace: warning: \(log) is not verified"))
    #expect(anyway.stdout.contains("[[1.3492]]"))
  }

  @Test(arguments: [
    ("empty.jsonl", "line 1: the file is empty"),
    ("binary-garbage.png", "line 1: not valid JSON at column 1"),
    ("truncated-last-line.jsonl", "line 4: the file ends in the middle of this line"),
    ("future-version.jsonl", "line 1: format version 2 is newer"),
    ("invalid-utf8.jsonl", "line 2: the string at column 39 is not valid UTF-8"),
  ])
  func malformedLogIsExit65WithOneLine(fixture: String, message: String) throws {
    let path = URL(fileURLWithPath: Self.lessonLog).deletingLastPathComponent()
      .appendingPathComponent("../bad-logs/\(fixture)").standardized.path
    for command in [["verify"], ["replay"], ["replay", "--no-verify"]] {
      let result = try RNNTraceBinary.run(command + [path])
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(result.stderr.hasPrefix("rnntrace: error: \(path): \(message)"), "\(result.stderr)")
    }
  }

  @Test func verifyOfAMissingFileIsAnInputError() throws {
    let result = try RNNTraceBinary.run(["verify", "/nonexistent/trace.jsonl"])
    #expect(result.status == 66)
    #expect(result.stderr.hasPrefix("rnntrace: error: /nonexistent/trace.jsonl: cannot open"))
  }

  @Test(
    .enabled(if: pythonHas("jsonschema"), "Python's jsonschema is not installed"),
    arguments: ["linear", "raw-tanh", "linear-tanh", "torch-rnn"])
  func jsonLinesExportMatchesTheSchema(variant: String) throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("trace.jsonl")
    let export = try RNNTraceBinary.run(
      ["export", "--variant", variant, "--sentence", "a b a \"q\" \u{1B}x"] + ["-o", log])
    #expect(export.status == 0)
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../docs/trace-format.schema.json").standardized.path
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.Draft202012Validator(schema)
      lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
      for n, line in enumerate(lines, 1):
          errors = list(validator.iter_errors(json.loads(line)))
          if errors:
              print(f"line {n}: {errors[0].message}")
              sys.exit(1)
      print(len(lines))
      """
    let result = try runPython(script, [schema, log])
    #expect(result.status == 0, "\(result.output)")
    let events = ["linear": 5, "raw-tanh": 7, "linear-tanh": 8, "torch-rnn": 8][variant]! * 5
    #expect(result.output == "\(events + 1)\n")
  }
}
