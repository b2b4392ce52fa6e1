import Foundation
import TestSupport
import Testing

/// `--set` with a loss, as a user runs it: the export records the edits, verifies (its
/// backward pass recomputed from the edited parameters and head) and catches a changed
/// gradient; print and play say it is a what-if; a lesson chapter with its own loss too.
@Suite struct WhatIfLossCommandTests {
  static func lines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func anAdHocExportWithALossRecordsTheEditsAndVerifies() throws {
    let scratch = try ScratchDirectory()
    let (original, edited) = (scratch.path("a.jsonl"), scratch.path("b.jsonl"))
    #expect(try RNNTraceBinary.run(["export", "--loss", "next-word", "-o", original]).status == 0)
    let export = try RNNTraceBinary.run([
      "export", "--loss", "next-word", "--set", "Wh.weight[0,0]=0.5", "--set",
      "head.bias[2]=1.25", "-o", edited,
    ])
    #expect(export.status == 0, "\(export.stderr)")
    let log = try Self.lines(edited)
    let header = log[0]
    #expect(header["seed"] is NSNull)
    #expect(header["loss"] as? String == "next-word")
    #expect(
      header["source"] as? String
        == "what-if: Wh.weight[0,0] = 0.5 (was 0.4522377), head.bias[2] = 1.25 (was 0.43867248), from ad-hoc model, seed 0"
    )
    let edits = try #require(header["edits"] as? [[String: Any]])
    #expect(edits.map { $0["name"] as? String } == ["Wh.weight", "head.bias"])
    #expect(edits.map { $0["index"] as? [Int] } == [[0, 0], [2]])
    let parameters = try #require(header["parameters"] as? [String: [String: Any]])
    #expect((parameters["head.bias"]?["values"] as? [Double])?[2] == 1.25)
    // The loss moved with the edit, and the log verifies on its own parameters.
    let loss = { (log: [[String: Any]]) in
      log.first {
        $0["op"] as? String == "loss" && $0["formula"] as? String == "L = mean(L_1 … L_4)"
      }?[
        "result"] as? [String: Any]
    }
    let before = try #require(try loss(Self.lines(original))?["values"] as? [Double])
    let after = try #require(loss(log)?["values"] as? [Double])
    #expect(before != after)
    let verify = try RNNTraceBinary.run(["verify", edited])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(verify.stdout.contains("the next-word loss and its backward pass, match"))
    let replay = try RNNTraceBinary.run(["replay", edited])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(replay.stdout.contains("what-if: Wh.weight[0,0] = 0.5"))

    // A changed gradient in the edited log is caught.
    var text = try String(contentsOfFile: edited, encoding: .utf8)
    let target = "\"formula\":\"dL/dWh.bias = dL/dz_4\""
    let line = try #require(text.split(separator: "\n").first { $0.contains(target) })
    // dL/dWh.bias[0] of this run is -0.0925…: -1.0925… instead.
    let changed = String(line).replacing(
      "\"values\":[-0.", with: "\"values\":[-1.", maxReplacements: 1)
    #expect(changed != String(line))
    text = text.replacingOccurrences(of: String(line), with: changed)
    let broken = scratch.path("broken.jsonl")
    try text.write(toFile: broken, atomically: true, encoding: .utf8)
    let caught = try RNNTraceBinary.run(["verify", broken])
    #expect(caught.status == 1, "\(caught.stdout)\(caught.stderr)")
  }

  @Test func printAndPlaySayWhatIfWithALoss() throws {
    let set = ["--loss", "last-word", "--set", "head.weight[0,1]=2"]
    let printed = try RNNTraceBinary.run(["print"] + set)
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(
      printed.stdout.hasPrefix(
        "WHAT-IF: head.weight[0,1] = 2.0 (was -0.5482238), from the ad-hoc model.\n"))
    #expect(printed.stdout.contains("dL/dhead.weight"))
    // Not a terminal: play prints its walkthrough, titled what-if.
    let played = try RNNTraceBinary.run(["play"] + set + ["--steps", "3"])
    #expect(played.status == 0, "\(played.stderr)")
    #expect(
      played.stdout.contains(
        "what-if: head.weight[0,1] = 2.0 (was -0.5482238), from the ad-hoc model."))
    let original = try RNNTraceBinary.run(["print", "--loss", "last-word"])
    #expect(original.stdout != printed.stdout)
  }

  @Test func aLessonChapterWithItsOwnLossTakesTheEdits() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("ch2.jsonl")
    let chapter = ["--lesson", "rnn-learning", "--chapter", "2", "--set", "Wh.weight[0,0]=0.5"]
    let export = try RNNTraceBinary.run(["export"] + chapter + ["-o", log])
    #expect(export.status == 0, "\(export.stderr)")
    let header = try Self.lines(log)[0]
    #expect(
      (header["source"] as? String)?.hasPrefix(
        "what-if: Wh.weight[0,0] = 0.5 (was -0.27039227), from How the RNN learns — chapter 2")
        == true)
    #expect((header["edits"] as? [[String: Any]])?.count == 1)
    let verify = try RNNTraceBinary.run(["verify", log])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

    let printed = try RNNTraceBinary.run(["print"] + chapter)
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(
      printed.stdout.contains(
        "WHAT-IF: Wh.weight[0,0] = 0.5 (was -0.27039227), from chapter 2 as the lesson has it"))
    // A chapter with SGD rounds (steps:) runs them from the edited model.
    let rounds = try RNNTraceBinary.run([
      "print", "--lesson", "rnn-learning", "--chapter", "6", "--set", "head.bias[0]=3",
    ])
    let plain = try RNNTraceBinary.run(["print", "--lesson", "rnn-learning", "--chapter", "6"])
    #expect(rounds.status == 0, "\(rounds.stderr)")
    #expect(rounds.stdout.contains("WHAT-IF: head.bias[0] = 3.0"))
    #expect(rounds.stdout != plain.stdout)
    let played = try RNNTraceBinary.run(["play"] + chapter)
    #expect(played.status == 0, "\(played.stderr)")
    #expect(played.stdout.contains("WHAT-IF") || played.stdout.contains("what-if"))
  }

  @Test func aBadEditOfTheHeadIsOneLineAndExit64() throws {
    let result = try RNNTraceBinary.run([
      "export", "--loss", "next-word", "--set", "head.bias[9]=1",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(
      result.stderr.hasPrefix(
        "rnntrace: error: --set 'head.bias[9]=1': index [9] is outside head.bias's shape [5]"))
  }
}
