import Foundation
import TestSupport
import Testing

/// `--loss` on export, print and replay: the backward pass as a log a user checks.
@Suite struct BackwardLogTests {
  static let model = [
    "--seed", "3", "--inputs", "3", "--hidden", "2", "--sentence", "the dog saw the cat",
  ]

  @Test(
    arguments: ["linear", "raw-tanh", "linear-tanh", "torch-rnn"].flatMap { v in
      ["next-word", "last-word"].map { (v, $0) }
    })
  func exportWithLossVerifies(variant: String, loss: String) throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("learn.jsonl")
    let export = try RNNTraceBinary.run(
      ["export", "--variant", variant, "--loss", loss] + Self.model + ["-o", log])
    #expect(export.status == 0, "\(export.stderr)")
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("the \(loss) loss and its backward pass"))
    let text = try String(contentsOfFile: log, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines[0].contains("\"loss\":\"\(loss)\""))
    #expect(lines.contains { $0.contains("\"op\":\"loss\"") && !$0.contains("\"pass\"") })
    #expect(lines.contains { $0.contains("\"pass\":\"backward\"") })
  }

  /// A vocabulary of hundreds of words: the header's prediction head (V × hidden values)
  /// is more than the model alone, and the log still reads and verifies.
  @Test func aLargeVocabularysLogVerifies() throws {
    let scratch = try ScratchDirectory()
    let words = scratch.path("words.txt")
    let text = (0..<1_200).map { "w\(($0 * 7_919) % 900)" }.joined(separator: " ")
    try text.write(toFile: words, atomically: true, encoding: .utf8)
    let log = scratch.path("learn.jsonl")
    let export = try RNNTraceBinary.run([
      "export", "--loss", "next-word", "--inputs", "8", "--hidden", "16", "--sentence-file",
      words, "-o", log,
    ])
    #expect(export.status == 0, "\(export.stderr)")
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("the next-word loss and its backward pass"))
  }

  /// A gradient edited by one digit is caught like a hidden state: exit 1, naming the
  /// line, the step, the operation and that it is the backward pass's.
  @Test func anEditedGradientIsCaught() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("learn.jsonl")
    #expect(
      try RNNTraceBinary.run(["export", "--loss", "next-word"] + Self.model + ["-o", log]).status
        == 0)
    var lines = try String(contentsOfFile: log, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    // The hidden weight's gradient, as it stands after the first word's contribution.
    let target = try #require(
      lines.lastIndex { $0.contains("\"name\":\"dL/dWh.weight\",\"shape\"") })
    let line = lines[target]
    let start = try #require(line.range(of: "\"values\":[")).upperBound
    let end = try #require(line[start...].firstIndex { $0 == "," || $0 == "]" })
    let value = try #require(Float(line[start..<end]))
    let edited = value.nextUp
    lines[target] = line.replacingCharacters(in: start..<end, with: "\(edited)")
    try lines.joined(separator: "\n").write(toFile: log, atomically: true, encoding: .utf8)
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 1)
    let step = target  // line n + 1 holds step n
    #expect(
      verify.stderr.contains(
        "line \(target + 1), step \(step) (matmul_hidden, backward pass): result.values[0] differs from the recomputation: expected \(value), found \(edited)"
      ), "\(verify.stderr)")
    // replay refuses it too, and shows it with --no-verify.
    #expect(try RNNTraceBinary.run(["replay", log]).status == 1)
    let shown = try RNNTraceBinary.run(["replay", "--no-verify", log])
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("The backward pass"))
  }

  @Test func replayShowsWhatPrintShows() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("learn.jsonl")
    let arguments = ["--loss", "last-word", "--variant", "raw-tanh"] + Self.model
    #expect(try RNNTraceBinary.run(["export"] + arguments + ["-o", log]).status == 0)
    let printed = try RNNTraceBinary.run(["print"] + arguments)
    #expect(printed.status == 0, "\(printed.stderr)")
    let replayed = try RNNTraceBinary.run(["replay", log])
    #expect(replayed.status == 0, "\(replayed.stderr)")
    let body = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
    #expect(body(replayed.stdout) == body(printed.stdout))
    #expect(printed.stdout.contains("dL/dz_4 = dL/dh_4 ⊙ (1 - h_4²)"))
    #expect(printed.stdout.contains("Gradient flow: ‖dL/dh_t‖"))
  }

  @Test func csvHasAPassColumnAndChromeABackwardTrack() throws {
    let scratch = try ScratchDirectory()
    let csv = scratch.path("learn.csv")
    let chrome = scratch.path("learn.json")
    for path in [csv, chrome] {
      #expect(
        try RNNTraceBinary.run(["export", "--loss", "next-word"] + Self.model + ["-o", path])
          .status == 0)
    }
    let rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n")
    #expect(rows[0] == "step,t,word,op,pass,tensor,row,column,value")
    #expect(rows.contains { $0.hasPrefix("0,0,,parameter,,head.bias,0,0,") })
    #expect(rows.contains { $0.contains(",tanh,backward,dL/dz_4,0,0,") })
    #expect(rows.contains { $0.contains(",loss,forward,L,0,0,") })
    let object = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: chrome)))
    let events = try #require((object as? [String: Any])?["traceEvents"] as? [[String: Any]])
    let names = events.filter {
      $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name"
    }
    .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
    #expect(names == ["words", "operations", "backward"])
    let backward = events.filter { $0["cat"] as? String == "backward" }
    #expect(!backward.isEmpty)
    #expect(backward.allSatisfy { $0["tid"] as? Int == 3 })
    #expect(events.filter { $0["name"] as? String == "|dL/dh|" }.count == 4)
  }

  @Test func badLossInputIsOneLineAndExit64() throws {
    let scratch = try ScratchDirectory()
    let out = scratch.path("x.jsonl")
    let runs: [([String], String)] = [
      (["export", "--loss", "every-word", "-o", out], "every-word"),
      (["export", "--loss", "next-word", "--sentence", "dog", "-o", out], "at least two words"),
      (["export", "--loss", "next-word", "--chapter", "1", "-o", out], "at least two words"),
      (
        ["print", "--loss", "last-word", "--lesson", "rnn-learning", "--chapter", "4"],
        "has its own loss, next-word"
      ),
      (
        ["print", "--lesson", "rnn-learning", "--chapter", "1", "--kernels", "intel-avx512"],
        "AMD processors only"
      ),
    ]
    for (arguments, message) in runs {
      let result = try RNNTraceBinary.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test(.enabled(if: pythonHas("jsonschema"), "Python's jsonschema is not installed"))
  func lossExportMatchesTheSchema() throws {
    let scratch = try ScratchDirectory()
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../docs/trace-format.schema.json").standardized.path
    let script = """
      import json, sys, jsonschema
      validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
      for path in sys.argv[2:]:
          for n, line in enumerate(open(path, encoding="utf-8").read().splitlines(), 1):
              errors = list(validator.iter_errors(json.loads(line)))
              if errors:
                  print(f"{path} line {n}: {errors[0].message}")
                  sys.exit(1)
      print("ok")
      """
    var logs: [String] = []
    for variant in ["linear", "raw-tanh", "linear-tanh", "torch-rnn"] {
      for loss in ["next-word", "last-word"] {
        let log = scratch.path("\(variant)-\(loss).jsonl")
        let export = try RNNTraceBinary.run(
          ["export", "--variant", variant, "--loss", loss] + Self.model + ["-o", log])
        #expect(export.status == 0)
        logs.append(log)
      }
    }
    let result = try runPython(script, [schema] + logs)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output == "ok\n")
  }
}
