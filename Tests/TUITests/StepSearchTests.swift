import Model
import Testing

@testable import TUI

/// `/` in the player: what the prompt reads, what matches, and the prompt's keys.
@Suite struct StepSearchTests {
  let start = TestSupport.state()
  var trace: PlayerTrace { start.trace }

  @Test(arguments: [
    ("tanh", StepQuery.operation("tanh")), ("matmul", .operation("matmul")),
    ("word over", .word("over")), ("over", .word("over")), ("t 4", .timeStep(4)),
    ("h[0] < 0", .compare(name: "h", index: 0, .less, 0)),
    ("z[1]>=-0.5", .compare(name: "z", index: 1, .greaterOrEqual, -0.5)),
    ("h[1] == 0.25", .compare(name: "h", index: 1, .equal, 0.25)),
    ("sign h[0]", .sign(name: "h", index: 0)), ("|h| > 0.9", .beyond(name: "h", 0.9)),
  ])
  func readsEachForm(text: String, query: StepQuery) {
    #expect(StepQuery.parse(text) == .success(query))
  }

  @Test(arguments: ["", "t x", "t 0", "word", "h[0] <", "h[a] < 1", "h[0] 3", "|h > 1", "a b c"])
  func refusesWithTheForms(text: String) {
    guard case .failure(let error) = StepQuery.parse(text) else {
      Issue.record("\(text) was read")
      return
    }
    #expect(error.description.hasSuffix("try \(StepQuery.forms)"))
  }

  /// The next h_t with a negative element 0, found by scanning the events here.
  @Test func aConditionFindsTheNextHiddenStateThatHoldsIt() throws {
    let query = try StepQuery.parse("h[0] < 0").get()
    let expected = trace.events.indices.filter {
      trace.events[$0].operation == .hiddenState && trace.events[$0].result.value.scalars[0] < 0
    }
    var found: [Int] = []
    var k = -1
    while let next = query.find(in: trace, from: k, forward: true) {
      found.append(next)
      k = next
    }
    #expect(found == expected)
    #expect(query.find(in: trace, from: trace.events.count - 1, forward: true) == nil)
  }

  @Test func operationsWordsAndTimeSteps() throws {
    let tanh = try StepQuery.parse("tanh").get()
    #expect(tanh.find(in: trace, from: 0, forward: true) == 6)
    let bias = try StepQuery.parse("bias").get()
    #expect(bias.find(in: trace, from: 0, forward: true) == 2)
    #expect(bias.find(in: trace, from: 2, forward: true) == 4)
    let t3 = try StepQuery.parse("t 3").get()
    #expect(t3.find(in: trace, from: 0, forward: true) == 16)
    #expect(t3.find(in: trace, from: 16, forward: true) == nil)
    let word = try StepQuery.parse("word \(trace.words[3])").get()
    #expect(word.find(in: trace, from: 0, forward: true) == 24)
    #expect(word.find(in: trace, from: 39, forward: false) == 24)
  }

  @Test func signAndSaturation() throws {
    let sign = try StepQuery.parse("sign h[1]").get()
    var previous = trace.model.h0.scalars[1]
    var expected: [Int] = []
    for (k, event) in trace.events.enumerated() where event.operation == .hiddenState {
      let now = event.result.value.scalars[1]
      if (now < 0) != (previous < 0) { expected.append(k) }
      previous = now
    }
    #expect(sign.find(in: trace, from: -1, forward: true) == expected.first)
    let beyond = try StepQuery.parse("|z| > 0.5").get()
    let first = trace.events.indices.first {
      trace.events[$0].operation == .add
        && trace.events[$0].result.value.scalars.contains { abs($0) > 0.5 }
    }
    #expect(beyond.find(in: trace, from: -1, forward: true) == first)
  }

  /// The prompt as keys: typing, Backspace, Enter, the repeat keys, ↑ for the history,
  /// Esc, and "no match after step k".
  @Test func thePromptsKeys() {
    var state = start
    state.update(.search)
    #expect(state.search.prompt == "")
    for c in "t 33" { state.update(.searchInput(.character(c))) }
    state.update(.searchInput(.control("h")))
    #expect(state.search.prompt == "t 3")
    state.update(.searchInput(.enter))
    #expect(state.search.prompt == nil)
    #expect(state.eventIndex == 16)
    #expect(state.message?.text.hasPrefix("/t 3: step 17, t=3") == true)
    state.update(.searchNext)
    #expect(state.eventIndex == 16)
    #expect(state.message?.text == "/t 3: no match after step 17")
    state.update(.searchPrevious)
    #expect(state.message?.text == "/t 3: no match before step 17")
    state.update(.search)
    state.update(.searchInput(.up))
    #expect(state.search.prompt == "t 3")
    state.update(.searchInput(.escape))
    #expect(state.search.prompt == nil && state.eventIndex == 16 && !state.isQuitting)
    state.update(.first)
    state.update(.search)
    for c in "t 9" { state.update(.searchInput(.character(c))) }
    state.update(.searchInput(.enter))
    #expect(state.eventIndex == 0)
    #expect(state.message?.text == "/t 9: no match after step 1")
    state.update(.search)
    for c in "h[0" { state.update(.searchInput(.character(c))) }
    state.update(.searchInput(.enter))
    #expect(state.message?.isError == true)
  }

  @Test func thePromptIsDrawnInTheStatusLine() {
    var state = TestSupport.state(columns: 80, rows: 24)
    state.update(.search)
    for c in "h[0] < 0" { state.update(.searchInput(.character(c))) }
    let grid = PlayerView.render(state)
    #expect(grid.lines.last?.contains("/h[0] < 0▏") == true)
  }
}
