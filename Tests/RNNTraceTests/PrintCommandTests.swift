import Foundation
import Testing

/// `rnntrace print` shows PyTorch's numbers: checked against models PyTorch built and ran
/// (`ModelTests/Fixtures/reference/models.jsonl`).
@Suite struct PrintCommandTests {
  struct Reference: Decodable {
    var variant: String
    var seed: UInt64
    var inputs: Int
    var hidden: Int
    var words: [String]
    var hidden_states: [[Double]]
  }

  static let references: [Reference] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../ModelTests/Fixtures/reference/models.jsonl")
    let text = try! String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").map {
      try! JSONDecoder().decode(Reference.self, from: Data($0.utf8))
    }
  }()

  @Test(arguments: 0..<8)
  func hiddenStatesPrintedAsPyTorchPrintsThem(index: Int) throws {
    let reference = Self.references[index]
    let result = try RNNTraceBinary.run([
      "print", "--variant", reference.variant, "--seed", String(reference.seed),
      "--inputs", String(reference.inputs), "--hidden", String(reference.hidden),
      "--sentence", reference.words.joined(separator: " "),
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    for (t, state) in reference.hidden_states.enumerated() {
      let line = try #require(lines.first { $0.hasPrefix("  h_\(t) = ") })
      for value in state {
        #expect(line.contains(String(format: "%.4f", value)), "h_\(t): \(line) lacks \(value)")
      }
    }
  }

  @Test func everyOperationOfTheDefaultModelIsListed() throws {
    // Any model option asks for an ad-hoc model; with none, print shows the lesson.
    let result = try RNNTraceBinary.run(["print", "--seed", "0"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("(1×4)·(4×2) → (1×2)"))
    for op in [
      "embedding", "matmul_input", "bias_input", "matmul_hidden", "bias_hidden", "add", "tanh",
      "hidden_state",
    ] {
      let count = result.stdout.split(separator: "\n").filter {
        $0.split(separator: " ").dropFirst().first == Substring(op)
      }.count
      #expect(count == 5, "\(op) appears \(count) times, expected once per word")
    }
  }

  @Test func precisionChangesTheDigits() throws {
    let result = try RNNTraceBinary.run(["print", "--precision", "7", "--hidden", "1"])
    #expect(result.status == 0)
    let h0 = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  h_0 = ") })
    #expect(h0.split(separator: ".").last?.count == 7)
  }

  @Test func controlCharactersInWordsAreEscaped() throws {
    let result = try RNNTraceBinary.run(["print", "--sentence", "a \u{1B}[2Jb c"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("^[[2Jb"))
  }
}
