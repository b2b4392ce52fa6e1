import Foundation
import TestSupport
import Testing

/// `--set` as a user runs it: the lesson's chapter 1 with h_0 = 0.5, an ad-hoc model
/// exported, verified and compared, and bad edits.
@Suite struct WhatIfCommandTests {
  static func header(_ path: String) throws -> [String: Any] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first)
    return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  static func values(_ header: [String: Any], _ name: String) throws -> [Float] {
    let parameters = try #require(header["parameters"] as? [String: Any])
    let tensor = try #require(parameters[name] as? [String: Any])
    return try #require(tensor["values"] as? [Double]).map(Float.init)
  }

  /// h_1 = 0.5·w_h + e_1·w_e, the sum over e_1·w_e left to right in float32.
  @Test func chapterOneWithH0AtOneHalf() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("whatif.jsonl")
    let export = try RNNTraceBinary.run(
      ["export", "--chapter", "1", "--set", "h0[0,0]=0.5", "-o", log])
    #expect(export.status == 0, "\(export.stderr)")
    let header = try Self.header(log)
    #expect(header["seed"] is NSNull)
    #expect(
      (header["source"] as? String)?.hasPrefix("what-if: h0[0,0] = 0.5 (was -0.11165935)") == true)
    let edits = try #require(header["edits"] as? [[String: Any]])
    #expect(edits.count == 1)
    #expect(edits.first?["name"] as? String == "h0")
    #expect(edits.first?["index"] as? [Int] == [0, 0])
    #expect((edits.first?["from"] as? Double).map(Float.init) == -0.11165935)
    #expect(edits.first?["to"] as? Double == 0.5)
    #expect(try Self.values(header, "h0") == [0.5])

    let e = try Self.values(header, "embedding.weight")
    let wE = try Self.values(header, "w_e")
    let wH = try Self.values(header, "w_h")[0]
    var ew: Float = 0
    for k in 0..<4 { ew += e[k] * wE[k] }
    let expected = Float(0.5) * wH + ew
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    let h1 = try #require(
      lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        .first { $0["op"] as? String == "hidden_state" })
    #expect((h1["value"] as? [Double])?.map(Float.init) == [expected])

    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 0, "\(verify.stderr)")

    let printed = try RNNTraceBinary.run(["print", "--chapter", "1", "--set", "h0[0,0]=0.5"])
    #expect(printed.status == 0)
    #expect(
      printed.stdout.contains(
        "WHAT-IF: h0[0,0] = 0.5 (was -0.11165935), from chapter 1 as the lesson has it"))
    #expect(printed.stdout.contains("[[0.5000]]"))
    // The text's values are the edited run's, as in the player, and the line says so.
    #expect(printed.stdout.contains("and so do the numbers in the text"))
    let text = printed.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("state h_0 = 0.5000."))
    #expect(!text.contains("h_0 = -0.1117"))
  }

  @Test func anEditedAdHocExportDiffersFromTheOriginalInThatParameter() throws {
    let scratch = try ScratchDirectory()
    let (original, edited) = (scratch.path("a.jsonl"), scratch.path("b.jsonl"))
    let model = ["--seed", "3", "--hidden", "3"]
    #expect(try RNNTraceBinary.run(["export"] + model + ["-o", original]).status == 0)
    let export = try RNNTraceBinary.run(
      ["export"] + model + ["--set", "Wh.weight[2,1]=1.5", "--set", "We.bias[0]=-1", "-o", edited])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(try RNNTraceBinary.run(["verify", edited]).status == 0)
    let diff = try RNNTraceBinary.run(["diff", original, edited])
    #expect(diff.status == 1)
    #expect(
      diff.stdout.contains("  We.bias [3]: 1 of 3 elements differs; the largest change We.bias[0]"))
    #expect(
      diff.stdout.contains(
        "  Wh.weight [3, 3]: 1 of 9 elements differs; the largest change Wh.weight[2,1]"))
    #expect(diff.stdout.contains("→ 1.5 "))
  }

  @Test(arguments: [
    (["--set", "h0=1"], "--set 'h0=1': no [index]; expected NAME[i,j]=VALUE"),
    (["--set", "w_h[0,0]=1"], "--set 'w_h[0,0]=1': this model has no parameter \"w_h\""),
    (["--set", "h0[0,2]=1"], "--set 'h0[0,2]=1': index [0,2] is outside h0's shape [1, 2]"),
    (["--set", "h0[0,0]=nan"], "--set 'h0[0,0]=nan': the value \"nan\" is not a finite float32"),
  ])
  func aBadEditIsOneLineAndExit64(arguments: [String], message: String) throws {
    let scratch = try ScratchDirectory()
    let path = scratch.path("kept.jsonl")
    try "old".write(toFile: path, atomically: true, encoding: .utf8)
    for command in ["print", "export"] {
      var args = [command, "--seed", "1"] + arguments
      if command == "export" { args += ["-o", path] }
      let result = try RNNTraceBinary.run(args)
      #expect(result.status == 64)
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(result.stderr.hasPrefix("rnntrace: error: \(message)"), "\(result.stderr)")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    #expect(try scratch.contents() == ["kept.jsonl"])
  }

  @Test func aLessonOfSeveralChaptersNeedsOne() throws {
    let result = try RNNTraceBinary.run(["print", "--set", "h0[0,0]=1"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("choose the one to edit with --chapter 1 … 6"))
  }

  @Test(.enabled(if: pythonHas("jsonschema"), "Python's jsonschema is not installed"))
  func aWhatIfLogMatchesTheSchema() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("trace.jsonl")
    let export = try RNNTraceBinary.run(["export", "--set", "embedding.weight[4,3]=2", "-o", log])
    #expect(export.status == 0)
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../docs/trace-format.schema.json").standardized.path
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.Draft202012Validator(schema)
      header = json.loads(open(sys.argv[2], encoding="utf-8").readline())
      errors = list(validator.iter_errors(header))
      print(errors[0].message if errors else header["edits"])
      """
    let result = try runPython(script, [schema, log])
    #expect(result.status == 0, "\(result.output)")
    #expect(
      result.output
        == "[{'name': 'embedding.weight', 'index': [4, 3], 'from': 0.053736903, 'to': 2.0}]\n")
  }
}
