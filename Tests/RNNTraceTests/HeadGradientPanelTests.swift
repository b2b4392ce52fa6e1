import Foundation
import Model
import Testing
import TraceLog

@testable import RNNTrace
@testable import TUI

/// The player's gradient panel for the head's weight, replayed from a log that writes
/// the head's terms and running sums without values: this step's term and the running
/// sum are rebuilt from their operands, the numbers the model computed.
@Suite struct HeadGradientPanelTests {
  static let words = ["the", "dog", "jumped", "over", "a"]

  @Test(arguments: [false, true])
  func theHeadsTermAndRunningSumShowFromALogWithoutTheirValues(verify: Bool) throws {
    let spec = ModelSpec(variant: .linearTanh, seed: 0, inputs: 4, hidden: 2, words: Self.words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: Self.words, loss: .nextWord)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in Self.words { _ = run.read(word) }
    var tracer = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    _ = learner.backward(trace: &tracer)
    let computed = tracer.listener.events
    var out = ByteBuffer()
    var encoder = JSONLinesEncoder()
    encoder.begin(
      TraceHeader(
        model: model, head: head, loss: .nextWord, words: Self.words, seed: 0, source: "test"),
      into: &out)
    for event in computed { encoder.encode(event, into: &out) }
    let text = String(decoding: out.bytes, as: UTF8.self)
    let scratch = try ScratchDirectory()
    let path = scratch.url.appendingPathComponent("head.jsonl").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)

    // head.weight's sum at t = 2, after the term of t = 2: neither is in the log.
    let sum = try #require(
      computed.firstIndex { $0.formula == "dL/dhead.weight += dL/dy_2ᵀ·h_2" })
    let term = sum - 1
    #expect(computed[term].omitsValues && computed[sum].omitsValues)
    let lines = text.split(separator: "\n")
    #expect(!lines[term + 1].contains("\"values\"") && !lines[sum + 1].contains("\"values\""))

    let log = try TraceLogFile.load(path: path, verify: verify)
    let chapter = PlayerChapter(title: "", trace: ReplayCommand.playerTrace(log))
    func render(_ index: Int) -> [String] {
      var state = PlayerState(
        content: PlayerContent(title: "test", chapters: [chapter]),
        size: ScreenSize(columns: 120, rows: 40))
      state.eventIndex = index
      return PlayerView.render(state).lines
    }
    func row(_ t: Tensor, _ r: Int) -> String {
      (0..<t.columns).map { NumberFormat.signed(t[r, $0]) }.joined(separator: " ")
    }
    let contribution = computed[term].resultValue
    let before = computed[sum].operand(0).value
    let after = computed[sum].resultValue
    #expect(contribution.scalars.contains { $0 != 0 })
    let atTerm = render(term)
    #expect(atTerm.contains { $0.contains("running sum before t=2") })
    #expect(atTerm.contains { $0.contains(row(contribution, 0)) && $0.contains(row(before, 0)) })
    let atSum = render(sum)
    #expect(atSum.contains { $0.contains("running sum, t=2 added") })
    for r in 0..<2 {
      #expect(atSum.contains { $0.contains(row(contribution, r)) && $0.contains(row(after, r)) })
    }
  }
}
