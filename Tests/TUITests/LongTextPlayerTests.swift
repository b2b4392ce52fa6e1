import Model
import Testing

@testable import TUI

/// A long text plays through checkpoints: every event, word, hidden state and search
/// the player reads is the full run's, bit for bit, and the screens say where in the
/// text the learner is.
@Suite struct LongTextPlayerTests {
  static let vocabulary = ["the", "dog", "jumped", "over", "a", "cat"]
  static let words = (0..<61).map { vocabulary[$0 * 7 % 6] }

  static func model(_ variant: Variant = .linearTanh, hidden: Int = 3) throws -> RNNModel {
    try ModelSpec(variant: variant, seed: 3, inputs: 4, hidden: hidden, words: vocabulary).build()
  }

  static func rows(_ model: RNNModel, _ words: [String] = words) -> [Int32] {
    words.map { Int32(model.index(of: $0)!) }
  }

  /// Both ways of holding the same run: whole, and through checkpoints every 7 words.
  static func pair(_ variant: Variant = .linearTanh) throws -> (
    whole: PlayerTrace, long: PlayerTrace
  ) {
    let model = try model(variant)
    return (
      PlayerTrace(model.trace(words)), PlayerTrace(model: model, rows: rows(model), interval: 7)
    )
  }

  func expectSame(_ a: TraceEvent, _ b: TraceEvent, _ k: Int) {
    #expect(a == b, "event \(k)")
    #expect(
      a.result.value.scalars.map(\.bitPattern) == b.result.value.scalars.map(\.bitPattern),
      "event \(k): a bit differs")
  }

  @Test(arguments: Variant.allCases)
  func everyEventIsTheFullRunsInAnyOrder(variant: Variant) throws {
    let (whole, long) = try Self.pair(variant)
    #expect(long.events.count == whole.events.count)
    #expect(Array(long.words) == Self.words)
    let n = whole.events.count
    // Forward (each word from the one before), backward (each from its checkpoint),
    // and scattered (the cache's words pushed out and read again).
    var order = Array(0..<n) + Array((0..<n).reversed())
    var k = 5
    for _ in 0..<200 {
      k = (k * 37 + 11) % n
      order.append(k)
    }
    for k in order { expectSame(long.events[k], whole.events[k], k) }
  }

  @Test func aChapterOfALongTextHasTheWholeOnesWordsStatesAndPanels() throws {
    let (whole, long) = try Self.pair(.linear)
    let a = PlayerChapter(title: "", trace: whole)
    let b = PlayerChapter(title: "", trace: long)
    #expect(Array(a.wordEvents) == Array(b.wordEvents))
    for k in stride(from: 0, to: a.stepCount, by: 3) {
      #expect(a.wordIndex(ofEvent: k) == b.wordIndex(ofEvent: k))
    }
    #expect(a.hiddenStates.count == b.hiddenStates.count)
    for t in a.hiddenStates.indices {
      #expect(
        a.hiddenStates[t].scalars.map(\.bitPattern) == b.hiddenStates[t].scalars.map(\.bitPattern),
        "h_\(t)")
    }
    // The linear cell has no bound: the bars' scale is the largest magnitude either way.
    #expect(a.hiddenScale == b.hiddenScale)
    #expect(a.operations == b.operations)
  }

  /// Each form of search finds the same steps, forwards and back, from several steps.
  @Test(arguments: [
    "tanh", "matmul", "word over", "t 4", "t 99", "h[0] < 0", "sign h[1]", "|h| > 0.5",
  ])
  func searchFindsTheSameSteps(text: String) throws {
    let (whole, long) = try Self.pair()
    let query = try StepQuery.parse(text).get()
    for k in [0, 1, 7, 40, 41, 200, whole.events.count - 1] {
      for forward in [true, false] {
        #expect(
          query.find(in: long, from: k, forward: forward)
            == query.find(in: whole, from: k, forward: forward), "\(text) from \(k) \(forward)")
      }
    }
  }

  /// Another model over the same words (an edit's), held as the trace it replaces was.
  @Test func aTraceRecomputedWithAnotherModelIsThatModelsRun() throws {
    let (whole, long) = try Self.pair()
    let other = try ModelSpec(
      variant: .linearTanh, seed: 4, inputs: 4, hidden: 3, words: Self.vocabulary
    ).build()
    let expected = other.trace(Self.words)
    for recomputed in [whole.recomputed(with: other), long.recomputed(with: other)] {
      #expect(recomputed.events.count == expected.events.count)
      for k in expected.events.indices { expectSame(recomputed.events[k], expected.events[k], k) }
    }
    #expect(whole.recomputed(with: other).whole != nil)
    #expect(long.recomputed(with: other).checkpointed?.interval == 7)
  }

  @Test func theOverviewHoldsEachColumnsLeastAndGreatest() throws {
    let model = try Self.model()
    let long = PlayerTrace(model: model, rows: Self.rows(model), interval: 7)
    let overview = try #require(long.overview)
    let states = model.hiddenStates(for: Self.words)
    for columns in [1, 5, 8, 61, 100] {
      let drawn = overview.columns(width: columns)
      var covered: [Int] = []
      for c in 0..<drawn {
        let first = overview.firstWord(ofColumn: c, columns: drawn)
        let next = c + 1 < drawn ? overview.firstWord(ofColumn: c + 1, columns: drawn) : 62
        covered += Array(first..<next)
        for neuron in 0..<3 {
          let values = (first..<next).map { states[$0].scalars[neuron] }
          let range = try #require(overview.range(column: c, of: drawn, neuron: neuron))
          #expect(range.low == values.min() && range.high == values.max(), "column \(c)")
        }
        for t in first..<next { #expect(overview.column(ofWord: t, columns: drawn) == c) }
      }
      #expect(covered == Array(1...61), "\(columns) columns")
    }
  }

  /// A long text at 120×40 with hidden 12 (the columns form): a marker over the learner's
  /// column, the overview strokes, and the word line saying which word of how many.
  @Test func theScreenShowsWhereTheLearnerIsInTheText() throws {
    let model = try Self.model(hidden: 12)
    let words = (0..<5_000).map { Self.vocabulary[$0 * 7 % 5 + ($0 / 3) % 2] }
    let long = PlayerTrace(model: model, rows: Self.rows(model, words))
    let content = PlayerContent(title: "a book", chapters: [PlayerChapter(title: "", trace: long)])
    var state = PlayerState(content: content, size: ScreenSize(columns: 120, rows: 40))
    state.update(.digit(2))
    state.update(.digit(5))
    state.update(.digit(0))
    state.update(.digit(0))
    state.update(.digit(1))
    state.update(.first)
    #expect(state.event.t == 25_000 / long.checkpointed!.eventsPerWord + 1)
    let lines = PlayerView.render(state).lines
    #expect(lines[1].hasSuffix("t \(state.event.t)/5000"), "\(lines[1])")
    #expect(lines[1].contains("[\(words[state.event.t - 1])]"))
    let screen = lines.joined(separator: "\n")
    let titled = lines.contains { $0.contains("hidden states h_0 … h_3126, m") }
    let marked = lines.contains { $0.hasSuffix("▼") }
    #expect(titled, "\(screen)")
    #expect(marked, "\(screen)")
    let strokes = lines.filter {
      $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }
    #expect(strokes.count >= 2, "\(screen)")
    // The end of the text: every column reached, the last word in brackets.
    state.update(.last)
    let end = PlayerView.render(state).lines
    let last = end[1]
    #expect(last.contains("[\(words[4_999])]"), "\(last)")
    #expect(last.hasSuffix("t 5000/5000"), "\(last)")
  }

  @Test func aSentenceThatFitsHasNoPosition() throws {
    let state = TestSupport.state()
    #expect(PlayerView.render(state).lines[1] == " [the] dog jumped over a")
  }
}
