import Foundation
import Testing

/// `rnntrace diff` as a user runs it: identical logs, logs of other seeds, a broken
/// log, a missing one, and the JSON Lines findings.
@Suite struct DiffCommandTests {
  static let model = [
    "--seed", "7", "--inputs", "3", "--hidden", "2", "--sentence", "the dog the cat",
  ]

  static func export(_ extra: [String], to path: String) throws {
    let result = try RNNTraceBinary.run(["export"] + model + extra + ["-o", path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func identicalLogsExitZeroInOneLine() throws {
    let scratch = try ScratchDirectory()
    let (a, b) = (scratch.path("a.jsonl"), scratch.path("b.jsonl"))
    try Self.export([], to: a)
    try Self.export([], to: b)
    let diff = try RNNTraceBinary.run(["diff", a, b])
    #expect(diff.status == 0, "\(diff.stderr)")
    #expect(diff.stdout == "\(a) and \(b) are identical: 6 parameters, 4 words, 32 events\n")
    #expect(diff.stderr.isEmpty)
    // Standard input for one of them.
    let piped = try RNNTraceBinary.run(
      ["diff", a, "-"], input: try Data(contentsOf: URL(fileURLWithPath: b)))
    #expect(piped.status == 0)
  }

  @Test func otherSeedsDifferWithTheParametersFirst() throws {
    let scratch = try ScratchDirectory()
    let (a, b) = (scratch.path("a.jsonl"), scratch.path("b.jsonl"))
    try Self.export([], to: a)
    try Self.export(["--seed", "8"], to: b)
    let diff = try RNNTraceBinary.run(["diff", a, b])
    #expect(diff.status == 1, "\(diff.stderr)")
    #expect(diff.stderr.isEmpty)
    let lines = diff.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("\(a) (A) and \(b) (B) differ: 6 parameters, from step 1 (t=1)"))
    #expect(lines[1] == "header: seed 7 in A, 8 in B")
    #expect(lines[2] == "parameters (A → B):")
    #expect(lines[3].hasPrefix("  embedding.weight [3, 3]: "))
    #expect(lines.contains("words: the same 4"))
    #expect(
      lines.contains { $0.hasPrefix("first difference: step 1 (t=1 \"the\", embedding → e_1)") })
    // One row a time step, t from 1 to 4.
    let header = try #require(lines.firstIndex { $0.hasPrefix("largest |Δh_t| by time step") })
    let rows = lines[(header + 2)...].map { $0.split(separator: " ").first.map(String.init) }
    #expect(rows == ["1", "2", "3", "4"])

    let json = try RNNTraceBinary.run(["diff", "--format", "jsonl", a, b])
    #expect(json.status == 1)
    let objects = try json.stdout.split(separator: "\n").map {
      try #require(
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.first?["type"] as? String == "summary")
    #expect(objects.first?["identical"] as? Bool == false)
    #expect(objects.first?["first_step"] as? Int == 1)
    #expect(objects.filter { $0["type"] as? String == "parameter" }.count == 6)
    #expect(
      objects.filter { $0["type"] as? String == "hidden" }.map { $0["t"] as? Int } == [1, 2, 3, 4])
  }

  @Test func aBrokenLogIsOneLineNamingFileAndLine() throws {
    let scratch = try ScratchDirectory()
    let (a, b) = (scratch.path("a.jsonl"), scratch.path("b.jsonl"))
    try Self.export([], to: a)
    var lines = try String(contentsOfFile: a, encoding: .utf8).split(separator: "\n")
    lines[5] = "{\"type\":\"event\",\"step\":5,"
    try (lines.joined(separator: "\n") + "\n").write(toFile: b, atomically: true, encoding: .utf8)
    let diff = try RNNTraceBinary.run(["diff", a, b])
    #expect(diff.status == 65)
    #expect(diff.stdout.isEmpty)
    #expect(diff.stderr.split(separator: "\n").count == 1)
    #expect(diff.stderr.hasPrefix("rnntrace: error: \(b): line 6"))

    let missing = try RNNTraceBinary.run(["diff", scratch.path("none.jsonl"), a])
    #expect(missing.status == 66)
    #expect(missing.stderr.hasPrefix("rnntrace: error: \(scratch.path("none.jsonl")): cannot open"))

    let twice = try RNNTraceBinary.run(["diff", "-", "-"])
    #expect(twice.status == 64)
  }
}
