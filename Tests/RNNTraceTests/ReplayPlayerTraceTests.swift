import Foundation
import Model
import Testing

@testable import RNNTrace
@testable import TUI

/// `replay` in the player: a log read back from its file a word at a time, whose
/// events, hidden states, words, strip, searches and export are those of the same log
/// loaded whole, bit for bit.
@Suite struct ReplayPlayerTraceTests {
  static let vocabulary = ["the", "dog", "jumped", "over"]
  static let words = (0..<40).map { vocabulary[($0 * 5 + $0 / 3) % 4] }

  static func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }

  @Test(arguments: Variant.allCases, [true, false])
  func aReplayedLogPlaysAsAWholeLoad(variant: Variant, verify: Bool) throws {
    let scratch = try ScratchDirectory()
    let model = try ModelSpec(
      variant: variant, seed: 5, inputs: 3, hidden: 2, words: Self.vocabulary
    ).build()
    let original = model.trace(Self.words)
    let path = try TraceExporter.export(
      original, title: "log", seed: 5, directory: scratch.url.path)
    let log = try TraceLogFile.load(path: path, verify: verify)
    let played = ReplayCommand.playerTrace(log)
    let window = try #require(played.windowed)
    #expect((window.eventsPerWord != nil) == verify)
    let whole = PlayerChapter(title: "", trace: log.trace.whole())
    let chapter = PlayerChapter(title: "", trace: played)
    if verify { #expect(whole.trace.whole!.events == original.events) }

    // From the end back (as End then stepping back reads them), then forwards.
    let expected = whole.trace.events
    #expect(played.events.count == expected.count)
    for i in played.events.indices.reversed() + Array(played.events.indices) {
      #expect(played.events[i] == expected[i])
      #expect(Self.bits(played.events[i].result.value) == Self.bits(expected[i].result.value))
      #expect(chapter.wordIndex(ofEvent: i) == whole.wordIndex(ofEvent: i))
    }
    #expect(Array(played.words) == Array(whole.trace.words))
    #expect(Array(chapter.wordEvents) == Array(whole.wordEvents))
    #expect(chapter.hiddenStates.map(Self.bits) == whole.hiddenStates.map(Self.bits))
    #expect(chapter.hiddenScale == whole.hiddenScale)
    #expect(chapter.operations == whole.operations)
    #expect(chapter.stepCount == whole.stepCount)

    // The strip: the overview gathered while indexing is the one the states make.
    let overview = try #require(played.overview)
    var made = HiddenOverview(words: Self.words.count, h0: model.h0)
    for t in 1...Self.words.count { made.include(t, whole.hiddenStates[t]) }
    #expect(overview.largest == made.largest)
    #expect(overview.extremes == made.extremes)
    for columns in [1, 7, 40] {
      for c in 0..<columns {
        for neuron in 0..<model.hidden {
          let a = overview.range(column: c, of: columns, neuron: neuron)
          let b = made.range(column: c, of: columns, neuron: neuron)
          #expect(a?.low == b?.low && a?.high == b?.high)
        }
      }
    }

    // Searches, each way from a few places.
    let queries: [StepQuery] = [
      .word("dog"), .word("over"), .word("zebra"), .timeStep(7), .timeStep(41),
      .operation("hidden_state"), .operation("tanh"), .sign(name: "h", index: 0),
      .compare(name: "h", index: 1, .less, 0), .beyond(name: "h", 0.5),
    ]
    let wholeTrace = whole.trace
    for query in queries {
      for from in [0, 1, 9, expected.count / 2, expected.count - 1] {
        for forward in [true, false] {
          #expect(
            query.find(in: played, from: from, forward: forward)
              == query.find(in: wholeTrace, from: from, forward: forward),
            "\(query) from \(from) \(forward ? "forward" : "backward")")
        }
      }
    }

    // The export key writes what it wrote from the whole trace, byte for byte.
    let a = try TraceExporter.export(
      played, title: "windowed", source: "log", directory: scratch.url.path)
    let b = try TraceExporter.export(
      wholeTrace, title: "whole", source: "log", directory: scratch.url.path)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
  }

  /// What-if recomputes a chapter whole: a short replayed log opens the editor, a long
  /// one is refused, as a long text is.
  @Test(arguments: [(40, true), (PlayerState.mostWhatIfWords + 1, false)])
  func whatIfOpensOnAShortLogOnly(words count: Int, opens: Bool) throws {
    let scratch = try ScratchDirectory()
    let model = try ModelSpec(
      variant: .rawTanh, seed: 5, inputs: 3, hidden: 2, words: Self.vocabulary
    ).build()
    let words = (0..<count).map { Self.vocabulary[$0 * 5 % 4] }
    let path = try TraceExporter.export(
      model.trace(words), title: "log", seed: 5, directory: scratch.url.path)
    let played = ReplayCommand.playerTrace(try TraceLogFile.load(path: path, verify: true))
    #expect(played.windowed != nil)
    var state = PlayerState(
      content: PlayerContent(title: "log", chapters: [PlayerChapter(title: "", trace: played)]),
      size: ScreenSize(columns: 120, rows: 40))
    state.openEditor()
    #expect((state.editor != nil) == opens, "\(String(describing: state.message))")
    if !opens { #expect(state.message?.text.contains("too long to hold") == true) }
  }

  /// A log with its loss and backward pass is still held whole.
  @Test(arguments: LossKind.allCases)
  func aLossLogIsHeldWhole(loss: LossKind) throws {
    let scratch = try ScratchDirectory()
    let path = scratch.path("loss.jsonl")
    let exported = try RNNTraceBinary.run(
      ["export", "--loss", loss.rawValue] + BackwardLogTests.model + ["-o", path])
    #expect(exported.status == 0, "\(exported.stderr)")
    let played = ReplayCommand.playerTrace(try TraceLogFile.load(path: path, verify: true))
    #expect(played.windowed == nil)
    #expect(played.whole?.events.contains { $0.pass == .backward } == true)
  }
}
