import Model
import Testing

@testable import TUI

/// A what-if recomputed a slice at a time: driven to the end, bit for bit the whole
/// recompute and the run of a model built from the edited parameters, for every
/// variant and every kind of edit; while it runs, the screen never waits for it.
@Suite struct LazyRecomputeTests {
  /// Twelve words of each variant, seed 3, 4 inputs and 3 neurons.
  static func model(_ variant: Variant) throws -> (model: RNNModel, words: [String]) {
    let words: [String] = "the dog jumped over a log and the cat sat on a".split(separator: " ")
      .map(String.init)
    let spec = ModelSpec(variant: variant, seed: 3, inputs: 4, hidden: 3, words: words)
    return (try spec.build(), words)
  }

  /// The edits: a weight (word 1 on), h_0, a row of the embedding table that word 4
  /// first reads (the words before it keep their states), and a word swapped at t = 6.
  static func edits(_ model: RNNModel) -> [WhatIfEdit] {
    let weight = model.parameters[2]
    let last = Array(weight.value.shape).map { $0 - 1 }
    let parameter: ParameterEdit = ParameterEdit(name: weight.name, index: last, value: 0.75)
    let h0: ParameterEdit = ParameterEdit(name: "h0", index: [0, 1], value: -0.5)
    let row: Int = model.index(of: "over") ?? 0
    let table: ParameterEdit = ParameterEdit(name: "embedding.weight", index: [row, 2], value: 2)
    return [.parameter(table), .word(t: 6, word: "cat"), .parameter(parameter), .parameter(h0)]
  }

  func expectSame(_ a: Trace, _ b: Trace, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.words == b.words, sourceLocation: sourceLocation)
    #expect(a.events == b.events, sourceLocation: sourceLocation)
    let bits = { (t: Trace) in t.hiddenStates.flatMap(\.scalars).map(\.bitPattern) }
    #expect(bits(a) == bits(b), sourceLocation: sourceLocation)
  }

  @Test(arguments: ["linear", "raw-tanh", "linear-tanh", "torch-rnn"])
  func aLazyRecomputeDrivenToTheEndIsTheWholeOne(variant name: String) throws {
    let variant = try #require(Variant(rawValue: name))
    let golden = try Self.model(variant)
    let original = PlayerChapter(title: "", trace: golden.model.trace(golden.words))
    let all = Self.edits(golden.model)
    // Each edit alone (the embedding's and the swap's leave words before them as they
    // were), then all of them.
    let cases: [[WhatIfEdit]] = all.map { [$0] } + [all]
    for edits in cases {
      var words = golden.words
      var parameters: [ParameterEdit] = []
      for edit in edits {
        switch edit {
        case .parameter(let p): parameters.append(p)
        case .word(let t, let word): words[t - 1] = word
        }
      }
      let built = try golden.model.applying(parameters).model
      let reference = built.trace(words)
      // One word a slice.
      var whatIf = try WhatIf(original: original, edits: edits, work: 1)
      #expect(!whatIf.isComplete)
      // Read ahead of the run, then behind it: each word on request, as the whole run has it.
      let lazy = whatIf.chapter.trace
      for t in [9, 2, 12, 1] {
        let per = lazy.events.count / words.count
        let part = ((t - 1) * per..<t * per).map { lazy.events[$0] }
        #expect(part == Array(reference.events[(t - 1) * per..<t * per]), "word \(t)")
        #expect(
          whatIf.chapter.hiddenStates[t].scalars.map(\.bitPattern)
            == reference.hiddenStates[t].scalars.map(\.bitPattern))
      }
      var slices = 0
      while !whatIf.isComplete {
        whatIf.advance(work: 1)
        slices += 1
      }
      #expect(slices > 0)
      let whole = try #require(whatIf.chapter.trace.whole)
      expectSame(whole, reference)
      let recomputed = WhatIf.recompute(original, model: built, words: words)
      expectSame(whole, try #require(recomputed.trace.whole))
      // The whole recompute at once agrees too.
      let atOnce = try WhatIf(original: original, edits: edits)
      #expect(atOnce.isComplete)
      expectSame(try #require(atOnce.chapter.trace.whole), reference)
    }
  }

  @Test func theFirstStepTouchedIsFoundInTheEditedWords() throws {
    let golden = try Self.model(try #require(Variant(rawValue: "linear-tanh")))
    let original = PlayerChapter(title: "", trace: golden.model.trace(golden.words))
    let row = try #require(golden.model.index(of: "over"))
    let edit = WhatIfEdit.parameter(
      ParameterEdit(name: "embedding.weight", index: [row, 0], value: 1))
    let alone = try WhatIf(original: original, edits: [edit])
    // "over" is word 4: its lookup is step 25.
    #expect(alone.firstTouched == 24)
    // With word 2 swapped for "over", the row is read from word 2 on.
    let swapped = try WhatIf(original: original, edits: [.word(t: 2, word: "over"), edit])
    #expect(swapped.firstTouched == 8)
  }

  /// A model too big for one slice: Enter draws at once, the screen waits greyed where
  /// the run has not reached, keys still move, and slices finish it.
  @Test func aBigModelNeverHoldsTheKeys() throws {
    let big = TestSupport.largeModel(inputs: 64, hidden: 256, words: 120)
    var state = TestSupport.state(big)
    // The last word's hidden product: an edit of Wh touches word 1, 119 words before it.
    state.update(.last)
    state.update(.previous)
    state.update(.previous)
    state.update(.previous)
    let step = state.eventIndex
    state.update(.whatIf)
    state.update(.editInput(.character("2")))
    state.update(.editInput(.enter))
    #expect(state.isRecomputing)
    #expect(state.isAwaitingRecompute)
    #expect(state.eventIndex == step)
    var screen = PlayerView.render(state)
    #expect(screen.text.contains("recomputing"))
    // The step on screen is the original's until the run reaches it.
    #expect(state.chapter.trace.isSame(as: state.originalChapter.trace))
    // A key is answered while the run goes on.
    state.update(.previousWord)
    #expect(state.eventIndex < step)
    #expect(state.isRecomputing)
    var slices = 0
    while state.isRecomputing {
      state.update(.recomputeSlice)
      slices += 1
    }
    #expect(slices > 1)
    #expect(!state.isAwaitingRecompute)
    let edit = try #require(state.whatIf?.edits.first)
    guard case .parameter(let p) = edit else {
      Issue.record("a parameter edit")
      return
    }
    let built = try big.model.applying([p]).model
    #expect(try #require(state.trace.whole).events == built.trace(big.words).events)
    screen = PlayerView.render(state)
    #expect(!screen.text.contains("recomputing"))
  }

  /// The loop runs the slices while no key waits, draws the waiting screen, and the
  /// edited run's once the step on screen is reached.
  @Test func theLoopRunsTheSlicesBetweenKeys() throws {
    let big = TestSupport.largeModel(inputs: 64, hidden: 256, words: 120)
    let keys: [Key] = [.character("G"), .character("w"), .character("2"), .enter]
    let inputs: [TerminalInput] = keys.map { TerminalInput.key($0) } + [.key(.character("q"))]
    let terminal = ScriptedTerminal(inputs: inputs)
    let final = PlayerLoop().run(TestSupport.content(big), on: terminal)
    let whatIf = try #require(final.whatIf)
    #expect(whatIf.isComplete)
    let texts: [String] = terminal.screens.map(\.text)
    let waiting = texts.firstIndex { $0.contains("recomputing the what-if: word") }
    let done = texts.lastIndex { $0.contains("what-if ×1") && !$0.contains("recomputing") }
    #expect(waiting != nil)
    #expect(done != nil)
    #expect((waiting ?? 0) < (done ?? 0))
    // Only the key reads waited: the slices looked for keys without waiting.
    #expect(terminal.timeouts.count == inputs.count)
  }
}
