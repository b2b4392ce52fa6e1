import Foundation
import Testing

/// `rnntrace train` on a lesson's chapter (`--lesson`, `--chapter`), as a user runs it.
@Suite struct TrainLessonCommandTests {
  /// The decoded lines of a command's JSON Lines output.
  static func jsonLines(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try RNNTraceBinary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try result.stdout.split(separator: "\n").map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  static func floats(_ value: Any?) -> [Float] {
    ((value as? [NSNumber]) ?? []).map(\.floatValue)
  }

  static func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

  /// The first round of `train` is the round `export --loss` traces: the loss and every
  /// gradient are the export's events bit for bit, as are dL/dh_0 … dL/dh_{T-1}.
  @Test(
    arguments: [
      // The first lesson's chapter 5 has no loss of its own: --loss gives it one.
      (["--chapter", "5"], ["--chapter", "5", "--loss", "next-word"]),
      (["--chapter", "5", "--loss", "last-word"], ["--chapter", "5", "--loss", "last-word"]),
      // The second lesson's chapter 3 has its own (last-word): export runs it as it is.
      (
        ["--lesson", "rnn-learning", "--chapter", "3"],
        ["--lesson", "rnn-learning", "--chapter", "3"]
      ),
      // PyTorch's nn.RNN, with its own parameter names.
      (["--chapter", "6"], ["--chapter", "6", "--loss", "next-word"]),
    ])
  func firstRoundIsExportsRoundBitForBit(trainArguments: [String], exportArguments: [String])
    throws
  {
    let train = try Self.jsonLines(["train", "--steps", "1", "--format", "jsonl"] + trainArguments)
    let export = try Self.jsonLines(["export"] + exportArguments)
    let header = try #require(export.first)
    let events = export.dropFirst()
    func last(_ name: String) -> [Float]? {
      events.last { ($0["result"] as? [String: Any])?["name"] as? String == name }
        .map { Self.floats(($0["result"] as? [String: Any])?["values"]) }
    }
    #expect(train.count == 2)
    let loss = try #require((train.first?["loss"] as? NSNumber)?.floatValue)
    #expect(train.first?["type"] as? String == "step")
    #expect(try #require(last("L")).map(\.bitPattern) == [loss.bitPattern])

    let result = try #require(train.last)
    let gradients = try #require(result["gradients"] as? [String: [String: Any]])
    let parameters = try #require(header["parameters"] as? [String: Any])
    // Every parameter SGD moves: the header's, but h0, which is not learned.
    #expect(Set(gradients.keys) == Set(parameters.keys).subtracting(["h0"]))
    #expect(gradients.keys.contains("head.bias"))
    for (name, gradient) in gradients where name != "embedding.weight" {
      let exported = try #require(last("dL/d\(name)"), "no event dL/d\(name)")
      #expect(Self.bits(Self.floats(gradient["values"])) == Self.bits(exported), "\(name)")
    }
    // The embedding's gradient is exported row by row, for the rows the words read.
    let embedding = try #require(gradients["embedding.weight"])
    let shape = try #require(embedding["shape"] as? [Int])
    let rows = Self.floats(embedding["values"])
    var read = 0
    for row in 0..<shape[0] {
      let values = Array(rows[(row * shape[1])..<((row + 1) * shape[1])])
      if let exported = last("dL/dembedding.weight[\(row)]") {
        read += 1
        #expect(Self.bits(values) == Self.bits(exported), "embedding row \(row)")
      } else {
        #expect(values.allSatisfy { $0 == 0 }, "embedding row \(row) is read by no word")
      }
    }
    #expect(read > 0)
    let hidden = try #require(result["hidden_gradients"] as? [[NSNumber]])
    let words = try #require(header["words"] as? [String])
    #expect(hidden.count == words.count + 1)
    // dL/dh_0 only arrives from step 1; h_T predicts nothing, so its gradient is zero.
    for t in 0..<words.count {
      let exported = try #require(last(t == 0 ? "dL/dh_0 from step 1" : "dL/dh_\(t)"))
      #expect(Self.bits(hidden[t].map(\.floatValue)) == Self.bits(exported), "dL/dh_\(t)")
    }
    #expect(hidden[words.count].allSatisfy { $0.floatValue == 0 })
  }

  /// A chapter's `loss:`, `lr:` and `steps:` are the defaults: chapter 6 of the second
  /// lesson trains 300 rounds at lr 0.5, the rounds its printed walkthrough shows.
  @Test func aChaptersLossRateAndStepsAreTheDefaults() throws {
    let chapter = ["--lesson", "rnn-learning", "--chapter", "6"]
    let train = try RNNTraceBinary.run(["train"] + chapter)
    #expect(train.status == 0, "\(train.stderr)")
    let lines = train.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("Training How the RNN learns — chapter 6: ") == true)
    #expect(lines.contains { $0.hasPrefix("Loss next-word: ") && $0.hasSuffix("lr 0.5") })
    #expect(
      lines.contains(
        "As chapter 6 sets them: loss: next-word, lr: 0.5, steps: 300 (--loss, --lr and --steps win over them)"
      ))
    #expect(lines.contains { $0.hasPrefix("   300  ") })
    #expect(!lines.contains { $0.hasPrefix("   301  ") })
    // `print` shows the chapter's own rounds (some of them): the same losses.
    let print = try RNNTraceBinary.run(["print"] + chapter)
    let printedLines = print.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(printedLines.firstIndex(of: " round  loss"))
    let end = try #require(printedLines[start...].firstIndex { $0.hasPrefix(" after  ") })
    let printed = printedLines[(start + 1)...end]
    #expect(printed.count > 5)
    for row in printed { #expect(lines.contains(row), "\(row)") }
  }

  /// --loss, --lr and --steps win over the chapter's; the line naming what the chapter
  /// set lists only what is left of it.
  @Test func theCommandLineWins() throws {
    let chapter = ["--lesson", "rnn-learning", "--chapter", "6"]
    let table = try RNNTraceBinary.run(["train"] + chapter + ["--steps", "3"])
    #expect(table.stdout.contains("As chapter 6 sets them: loss: next-word, lr: 0.5 (--loss"))
    #expect(table.stdout.contains("\n     3  ") && !table.stdout.contains("\n     4  "))
    let all = try RNNTraceBinary.run(
      ["train"] + chapter + ["--steps", "2", "--lr", "0.25", "--loss", "last-word"])
    #expect(all.status == 0)
    #expect(all.stdout.contains("Loss last-word: "))
    #expect(all.stdout.contains("plain SGD, lr 0.25\n\n"))
    #expect(!all.stdout.contains("As chapter"))

    // One round at the chapter's lr: each parameter after it is p - 0.5·dL/dp (exact
    // in float32: 0.5 only shifts the exponent), from the parameters the export drew.
    let header = try #require(try Self.jsonLines(["export"] + chapter).first)
    let drawn = try #require(header["parameters"] as? [String: [String: Any]])
    let lines = try Self.jsonLines(["train", "--format", "jsonl", "--steps", "1"] + chapter)
    #expect(lines.count == 2)
    let result = try #require(lines.last)
    let gradients = try #require(result["gradients"] as? [String: [String: Any]])
    let after = try #require(result["parameters_after"] as? [String: [String: Any]])
    for (name, gradient) in gradients {
      let before = Self.floats(drawn[name]?["values"])
      let expected = zip(before, Self.floats(gradient["values"])).map { $0 - 0.5 * $1 }
      #expect(!expected.isEmpty)
      #expect(Self.bits(Self.floats(after[name]?["values"])) == Self.bits(expected), "\(name)")
    }
  }

  /// A chapter without a loss of its own trains next-word, lr 0.1, 100 rounds; the JSON
  /// names the chapter's parameters as an ad-hoc model's are named.
  @Test func aChapterWithoutALossGetsTheDefaults() throws {
    let table = try RNNTraceBinary.run(["train", "--chapter", "5"])
    #expect(table.status == 0)
    #expect(
      table.stdout.hasPrefix(
        "Training RNN Pytorch, one operation at a time — chapter 5: More neurons (hidden size 2)\nlinear-tanh, inputs 4, hidden 2; 5 words, vocabulary 5\n"
      ))
    #expect(table.stdout.contains("plain SGD, lr 0.1\n\n"))
    #expect(table.stdout.contains("\n   100  ") && !table.stdout.contains("\n   101  "))
    let chapter = try Self.jsonLines([
      "train", "--chapter", "5", "--format", "jsonl", "--steps", "2",
    ])
    let adHoc = try Self.jsonLines(["train", "--format", "jsonl", "--steps", "2"])
    #expect(chapter.map { Set($0.keys) } == adHoc.map { Set($0.keys) })
    for key in ["gradients", "parameters_after"] {
      let ours = try #require(chapter.last?[key] as? [String: Any])
      let theirs = try #require(adHoc.last?[key] as? [String: Any])
      #expect(Set(ours.keys) == Set(theirs.keys), "\(key)")
    }
  }

  /// `--set` edits the chapter's model before the first round: the round starts from the
  /// edited value, and the title says what-if.
  @Test func setEditsTheChaptersModel() throws {
    let edit = ["--chapter", "5", "--set", "Wh.weight[1,1]=2", "--steps", "1"]
    let table = try RNNTraceBinary.run(["train"] + edit)
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("Training RNN Pytorch") == true)
    #expect(
      lines.count > 2
        && lines[2]
          == "what-if: Wh.weight[1,1] = 2.0 (was 0.44244176), from chapter 5 as the lesson has it"
    )
    let edited = try #require(try Self.jsonLines(["train", "--format", "jsonl"] + edit).last)
    let plain = try #require(
      try Self.jsonLines(["train", "--format", "jsonl", "--chapter", "5", "--steps", "1"]).last)
    let gradient = Self.floats(
      (edited["gradients"] as? [String: [String: Any]])?["Wh.weight"]?["values"])
    let after = Self.floats(
      (edited["parameters_after"] as? [String: [String: Any]])?["Wh.weight"]?["values"])
    #expect(after.count == 4 && gradient.count == 4)
    #expect(after.last == 2 - Float(0.1) * gradient.last!)
    let plainGradient = Self.floats(
      (plain["gradients"] as? [String: [String: Any]])?["Wh.weight"]?["values"])
    #expect(gradient != plainGradient)
  }

  /// One chapter of the first lesson alone in a lesson file.
  static func lessonFile(
    chapter: String, times: Int = 1, in scratch: borrowing ScratchDirectory
  ) throws -> String {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../lessons/rnn-pytorch.yaml")
    let text = try String(contentsOf: source, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let head = lines.prefix { $0 != "chapters:" }
    let start = try #require(lines.firstIndex { $0 == "  - title: \(chapter)" })
    let rest = lines[(start + 1)...].prefix { !$0.hasPrefix("  - title: ") }
    let path = scratch.path("chapters.yaml")
    let chapters = Array(repeating: [lines[start]] + rest, count: times).flatMap { $0 }
    try (head + ["chapters:"] + chapters).joined(separator: "\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aLessonWhoseChaptersCannotBeTrainedSaysSo() throws {
    let scratch = try ScratchDirectory()
    let path = try Self.lessonFile(
      chapter: "One step of the hypothesis function", times: 2, in: scratch)
    let result = try RNNTraceBinary.run(["train", "--lesson", path])
    #expect(result.status == 64)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(
      result.stderr.hasPrefix(
        "rnntrace: error: --lesson \(path): none of its 2 chapters can be trained; a chapter needs at least two words"
      ), "\(result.stderr)")
  }

  @Test func aLessonOfOneChapterNeedsNoChapterOption() throws {
    let scratch = try ScratchDirectory()
    let path = try Self.lessonFile(chapter: "A sentence, word after word", in: scratch)
    let file = try RNNTraceBinary.run([
      "train", "--lesson", path, "--steps", "2", "--format", "jsonl",
    ])
    #expect(file.status == 0, "\(file.stderr)")
    let bundled = try RNNTraceBinary.run(
      ["train", "--chapter", "2", "--steps", "2", "--format", "jsonl"])
    #expect(bundled.status == 0)
    #expect(file.stdout == bundled.stdout)
  }

  @Test func aLessonOfOneChapterOfOneWordSaysSo() throws {
    let scratch = try ScratchDirectory()
    let path = try Self.lessonFile(chapter: "One step of the hypothesis function", in: scratch)
    let result = try RNNTraceBinary.run(["train", "--lesson", path])
    #expect(result.status == 64)
    #expect(
      result.stderr
        == "rnntrace: error: --lesson \(path): its one chapter has fewer than two words (1, \"dog\"): a next-word loss needs one to read and one to predict\n"
    )
  }

  /// A command line `train` refuses, the exit status and what its one line names.
  struct BadInput: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let status: Int32
    let naming: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let badInputs: [BadInput] = [
    BadInput(
      arguments: ["--chapter", "1"], status: 64,
      naming: [
        "--chapter 1", "chapter 1 of lessons/rnn-pytorch.yaml", "fewer than two words",
        "2, 3, 4, 5 or 6",
      ]),
    BadInput(
      arguments: ["--lesson", "rnn-learning"], status: 64,
      naming: ["--chapter", "lessons/rnn-learning.yaml has 6 chapters", "--chapter 1 … 6"]),
    BadInput(
      arguments: ["--lesson", "rnn-pytorch"], status: 64,
      naming: ["--chapter 2, 3, 4, 5 or 6 (chapter 1 cannot be trained)"]),
    BadInput(arguments: ["--chapter", "7"], status: 64, naming: ["--chapter 7", "6 chapters"]),
    BadInput(
      arguments: ["--chapter", "5", "--sentence", "a b"], status: 64,
      naming: ["--lesson/--chapter", "give one or the other"]),
    BadInput(
      arguments: ["--chapter", "5", "--set", "w_h[0,0]=1"], status: 64,
      naming: ["--set", "Wh.weight [2, 2]"]),
    BadInput(
      arguments: ["--weights", "m.safetensors", "--vocab", "v.txt"], status: 64,
      naming: ["--weights", "no prediction head"]),
    BadInput(
      arguments: ["--vocab", "v.txt", "--chapter", "5"], status: 64,
      naming: ["--vocab", "no prediction head"]),
    BadInput(
      arguments: ["--lesson", "no-such-lesson.yaml"], status: 66,
      naming: ["--lesson no-such-lesson.yaml", "no such file"]),
    BadInput(
      arguments: ["--chapter", "5", "--lr", "-1"], status: 64,
      naming: ["--lr", "positive finite number"]),
    BadInput(
      arguments: ["--chapter", "5", "--steps", "0"], status: 64,
      naming: ["--steps", "1 to 100000"]),
  ]

  @Test(arguments: badInputs)
  func badInputIsOneLine(_ bad: BadInput) throws {
    let (arguments, status, naming) = (bad.arguments, bad.status, bad.naming)
    let result = try RNNTraceBinary.run(["train"] + arguments)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    for part in naming { #expect(result.stderr.contains(part), "\(part): \(result.stderr)") }
  }
}
