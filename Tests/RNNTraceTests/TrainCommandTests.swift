import Foundation
import Testing

/// `rnntrace train` as a user runs it.
@Suite struct TrainCommandTests {
  /// The lines of `train … --format jsonl`, decoded.
  static func jsonLines(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try RNNTraceBinary.run(["train", "--format", "jsonl"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try result.stdout.split(separator: "\n").map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// The default model (linear-tanh, seed 0, inputs 4, hidden 2, "the dog jumped over a")
  /// learns as PyTorch 2.15 computed it with the training reference on this project's AMD
  /// machines: the loss of each round, the loss after, and the first round's gradients.
  @Test func defaultModelLearnsAsPyTorch() throws {
    let lines = try Self.jsonLines(["--steps", "3"])
    #expect(lines.count == 4)
    for (k, line) in lines.prefix(3).enumerated() {
      #expect(line["type"] as? String == "step")
      #expect(line["step"] as? Int == k + 1)
    }
    let losses = lines.prefix(3).compactMap { ($0["loss"] as? NSNumber)?.floatValue }
    #expect(losses == [1.63335192, 1.58993495, 1.55252135])
    let result = try #require(lines.last)
    #expect(result["type"] as? String == "result")
    #expect((result["loss_after"] as? NSNumber)?.floatValue == 1.5190345)
    let gradients = try #require(result["gradients"] as? [String: [String: Any]])
    #expect(
      Set(gradients.keys) == [
        "embedding.weight", "We.weight", "We.bias", "Wh.weight", "Wh.bias", "head.weight",
        "head.bias",
      ])
    let bias = try #require(gradients["head.bias"])
    #expect(bias["shape"] as? [Int] == [5])
    let values = (bias["values"] as? [NSNumber])?.map(\.floatValue)
    #expect(values == [0.184514254, -0.0207973123, -0.0564067774, 0.0605951399, -0.167905316])
    let hidden = try #require(result["hidden_gradients"] as? [[NSNumber]])
    #expect(hidden.count == 6)
    #expect(hidden[0].map(\.floatValue) == [0.00670233043, 0.00867544673])
    #expect(hidden[5].map(\.floatValue) == [0, 0])
    let after = try #require(result["parameters_after"] as? [String: [String: Any]])
    #expect(Set(after.keys) == Set(gradients.keys))
    #expect(after["We.weight"]?["shape"] as? [Int] == [2, 4])
  }

  /// PyTorch's nn.RNN learns too: the AMD golden run of (3, 2), last-word, two rounds
  /// (`Fixtures/training/training-amd.jsonl`), within 1e-6 of its losses.
  @Test func torchRNNLearns() throws {
    let lines = try Self.jsonLines([
      "--variant", "torch-rnn", "--seed", "1988634469", "--inputs", "3", "--hidden", "2",
      "--sentence", "a cat river dog", "--loss", "last-word", "--lr", "0.01", "--steps", "2",
    ])
    let losses = lines.prefix(2).compactMap { ($0["loss"] as? NSNumber)?.floatValue }
    #expect(losses.count == 2)
    for (ours, torch) in zip(losses, [Float(0.588907003), 0.579461455]) {
      #expect(abs(ours - torch) <= 1e-6)
    }
    let result = try #require(lines.last)
    let gradients = try #require(result["gradients"] as? [String: [String: Any]])
    #expect(
      Set(gradients.keys) == [
        "embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
        "rnn.bias_hh_l0", "head.weight", "head.bias",
      ])
    let bias = (gradients["rnn.bias_ih_l0"]?["values"] as? [NSNumber])?.map(\.floatValue) ?? []
    #expect(bias.count == 2)
    for (ours, torch) in zip(bias, [Float(-0.106236391), -0.253091097]) {
      #expect(abs(ours - torch) <= 1e-6)
    }
  }

  /// Intel's kernels are not followed backwards: train says so on standard error, in
  /// one line, and computes what it computes with `amd`.
  @Test func intelKernelsSayTheyAreAMDOrders() throws {
    let intel = try RNNTraceBinary.run(
      ["train", "--kernels", "intel-avx512", "--steps", "2", "--format", "jsonl"])
    let amd = try RNNTraceBinary.run(
      ["train", "--kernels", "amd", "--steps", "2", "--format", "jsonl"])
    #expect(intel.status == 0)
    #expect(intel.stdout == amd.stdout)
    #expect(amd.stderr.isEmpty)
    #expect(intel.stderr.split(separator: "\n").count == 1)
    #expect(intel.stderr.contains("AMD orders"))
  }

  @Test func tableListsEveryRoundAndDrawsTheCurve() throws {
    let result = try RNNTraceBinary.run(["train", "--steps", "30", "--lr", "0.5"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.contains { $0.hasPrefix("     1  1.633352") })
    #expect(lines.contains { $0.hasPrefix("    30  ") })
    #expect(lines.contains { $0.hasPrefix(" after  ") })
    let curve = try #require(lines.firstIndex { $0.hasPrefix("Loss curve") })
    #expect(lines[curve + 1].count == 2 + 30)
    #expect(lines[curve + 1].hasPrefix("  █"))
  }

  /// A loss that overflows is said at its round; the run still succeeds and JSON
  /// writes null.
  @Test func divergenceIsReportedAtItsRound() throws {
    let arguments = [
      "--variant", "linear", "--inputs", "8", "--hidden", "8", "--lr", "100", "--steps", "3",
      "--sentence", "a b c d e f g h i j k l",
    ]
    let table = try RNNTraceBinary.run(["train"] + arguments)
    #expect(table.status == 0)
    #expect(table.stdout.contains("     2  NaN   <- the loss is NaN from here"))
    let lines = try Self.jsonLines(arguments)
    #expect(lines[1]["loss"] is NSNull)
    #expect(lines.last?["loss_after"] is NSNull)
  }

  @Test(
    arguments: [
      (["--lr", "0"], "--lr", "positive finite number"),
      (["--lr", "inf"], "--lr", "positive finite number"),
      (["--lr", "nan"], "--lr", "positive finite number"),
      (["--steps", "0"], "--steps", "1 to 100000"),
      (["--steps", "100001"], "--steps", "1 to 100000"),
      (["--loss", "every-word"], "--loss", "next-word"),
      (["--sentence", "dog"], "--sentence", "at least two words"),
    ])
  func badInputIsOneLineWithStatus64(arguments: [String], option: String, accepted: String)
    throws
  {
    let result = try RNNTraceBinary.run(["train"] + arguments)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(option))
    #expect(result.stderr.contains(accepted))
  }

  /// Words read from a file are counted there, and the error names the file.
  @Test func oneWordInAFileNamesTheFile() throws {
    let scratch = try ScratchDirectory()
    let file = scratch.path("one.txt")
    try "hello\n".write(toFile: file, atomically: true, encoding: .utf8)
    let result = try RNNTraceBinary.run(["train", "--sentence-file", file])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--sentence-file \(file)"))
    #expect(result.stderr.contains("at least two words"))
  }

  /// last-word counts one prediction: dL/dh_t is zero after h_{T-1}, and the gradient
  /// reaches h_0 through every step.
  @Test func lastWordGradientReachesTheFirstState() throws {
    let lines = try Self.jsonLines(["--loss", "last-word", "--steps", "1"])
    let result = try #require(lines.last)
    let hidden = try #require(result["hidden_gradients"] as? [[NSNumber]])
    #expect(hidden.count == 6)
    #expect(hidden[5].map(\.floatValue) == [0, 0])
    for t in 0...4 { #expect(hidden[t].contains { $0.floatValue != 0 }, "dL/dh_\(t)") }
  }
}
