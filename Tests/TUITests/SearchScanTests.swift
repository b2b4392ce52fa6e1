import Model
import Testing

@testable import TUI

/// A search over a long text goes a slice at a time between reads of the keyboard: it
/// finds what the whole search finds, shows how far it has got, and Esc or Ctrl-C stop
/// it where the learner was.
@Suite struct SearchScanTests {
  /// The pair of LongTextPlayerTests (61 words, checkpoints every 7).
  let pair = try! LongTextPlayerTests.pair()

  /// Slices of three events, resumed again and again, find what a scan of the whole
  /// trace finds: forwards through the long text's words, backwards event by event.
  @Test(arguments: ["h[0] < -0.5", "sign h[1]", "|z| > 0.9", "tanh", "e[2] > 0.3"])
  func slicesFindWhatTheWholeSearchFinds(text: String) throws {
    let query = try StepQuery.parse(text).get()
    let (whole, long) = pair
    for k in [-1, 0, 5, 8, 100, 250, long.events.count - 2] {
      for forward in [true, false] where forward || k > 0 {
        var scan = SearchScan(text: text, query: query, trace: long, from: k, forward: forward)
        var outcome = SearchScan.Outcome.running
        var slices = 0
        while outcome == .running {
          outcome = scan.advance(events: 3)
          slices += 1
        }
        let expected = (forward ? (k + 1)..<whole.events.count : 0..<max(0, k)).filter {
          query.matches(whole, at: $0)
        }
        let first = forward ? expected.first : expected.last
        #expect(
          outcome == (first.map { .found($0) } ?? .noMatch), "\(text) from \(k) \(forward)")
        #expect(query.find(in: long, from: k, forward: forward) == first)
      }
    }
  }

  /// 20,000 words: a condition that never holds goes on between keys, the status line
  /// says how far, Esc stops it at the step the learner was on, Ctrl-C too (without
  /// quitting), and run to its end it says there is no match.
  @Test func aLongSearchShowsItsProgressAndStopsOnEscOrCtrlC() throws {
    let model = try LongTextPlayerTests.model()
    let vocabulary = LongTextPlayerTests.vocabulary
    let rows = (0..<20_000).map { Int32(model.index(of: vocabulary[$0 * 7 % 6])!) }
    let trace = PlayerTrace(model: model, rows: rows)
    var state = PlayerState(
      content: PlayerContent(title: "long", chapters: [PlayerChapter(title: "", trace: trace)]),
      size: ScreenSize(columns: 100, rows: 30))
    state.update(.digit(4))
    state.update(.first)
    func search(_ text: String) {
      state.update(.search)
      for c in text { state.update(.searchInput(.character(c))) }
      state.update(.searchInput(.enter))
    }
    func statusLine() -> String { PlayerView.render(state).lines[29] }

    search("h[0] > 5")
    let first = try #require(state.search.running)
    #expect(state.eventIndex == 3)
    #expect(
      statusLine().contains(
        "/h[0] > 5  searching… t \(SearchPromptLine.grouped(first.t))/20,000, Esc stops"))
    state.update(.searchSlice)
    state.update(.searchSlice)
    let later = try #require(state.search.running)
    #expect(later.t > first.t)
    #expect(statusLine().contains("searching… t \(SearchPromptLine.grouped(later.t))/20,000"))
    state.update(.cancel)
    #expect(state.search.running == nil && state.eventIndex == 3)
    #expect(
      state.message?.text
        == "/h[0] > 5: stopped at t \(SearchPromptLine.grouped(later.t)) of 20,000; still at step 4"
    )

    // Ctrl-C stops the search, and only the search.
    state.update(.searchNext)
    #expect(state.search.running != nil)
    state.update(.interrupt)
    #expect(state.search.running == nil && !state.isQuitting && state.eventIndex == 3)
    #expect(state.message?.text.contains("stopped at t") == true)

    // Another key stops it and does what it does.
    state.update(.searchNext)
    state.update(.next)
    #expect(state.search.running == nil && state.eventIndex == 4)

    // Left to run, it ends.
    state.update(.searchNext)
    var slices = 0
    while state.search.running != nil, slices < 1000 {
      state.update(.searchSlice)
      slices += 1
    }
    #expect(slices > 5)
    #expect(state.message?.text == "/h[0] > 5: no match after step 5")
    #expect(state.eventIndex == 4)
  }

  /// The loop reads the keyboard between slices: a key waiting stops the search before
  /// the next slice, and each slice is followed by a frame saying how far it has got.
  @Test func theLoopReadsKeysBetweenSlices() throws {
    let model = try LongTextPlayerTests.model()
    let vocabulary = LongTextPlayerTests.vocabulary
    let rows = (0..<20_000).map { Int32(model.index(of: vocabulary[$0 * 7 % 6])!) }
    let content = PlayerContent(
      title: "long",
      chapters: [PlayerChapter(title: "", trace: PlayerTrace(model: model, rows: rows))])
    let terminal = PollingTerminal(
      keys: [.character("/")] + "h[0] > 5".map { .character($0) } + [.enter],
      escapeAfterPolls: 3)
    let final = PlayerLoop().run(content, on: terminal)
    #expect(final.eventIndex == 0 && final.search.running == nil)
    let status = terminal.screens.map { $0.lines[$0.height - 1] }
    let searching = status.filter { $0.contains("/h[0] > 5  searching… t ") }
    #expect(searching.count >= 2)
    #expect(status.contains { $0.contains("/h[0] > 5: stopped at t ") }, "\(status)")
  }
}

/// Keys, then a number of looks at waiting input that find none (the slices of a
/// search run between them), then Esc, then q.
final class PollingTerminal: PlayerTerminal {
  let size = ScreenSize(columns: 100, rows: 30)
  private var keys: [Key]
  private var polls: Int
  private var escaped = false
  private(set) var screens: [CellGrid] = []

  init(keys: [Key], escapeAfterPolls: Int) {
    self.keys = keys
    polls = escapeAfterPolls
  }

  func draw(_ grid: CellGrid) { screens.append(grid) }

  func nextInput(timeoutMilliseconds: Int?) -> TerminalInput {
    if !keys.isEmpty { return .key(keys.removeFirst()) }
    if timeoutMilliseconds == 0, polls > 0 {
      polls -= 1
      return .timeout
    }
    if !escaped {
      escaped = true
      return .key(.escape)
    }
    return timeoutMilliseconds == 0 ? .timeout : .key(.character("q"))
  }

  func repaint() {}
  func suspend() {}
}
