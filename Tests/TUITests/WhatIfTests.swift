import Model
import Testing

@testable import TUI

/// What-if edits in the player, on the golden models: the recompute is the run of a
/// model built from the edited parameters, bit for bit, and the keys' flows (edit mode,
/// type, nudge, negate, double, Enter, Esc, undo, revert, word swap, Δ, export).
@Suite struct WhatIfTests {
  /// linear-tanh, 8 operations a word: step 4 (index 3) is h_0·Whᵀ.
  let start = TestSupport.after(TestSupport.repeated(.next, 3), from: TestSupport.state())

  func keys(_ keys: [Key], _ state: inout PlayerState) {
    for key in keys {
      state.update(state.editor != nil ? .editInput(key) : KeyMap.action(for: key)!)
    }
  }

  func typed(_ text: String) -> [Key] { text.map { .character($0) } }

  /// The same trace, every event's tensors bit for bit.
  func expectSame(_ a: Trace, _ b: Trace, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.words == b.words, sourceLocation: sourceLocation)
    #expect(a.events.count == b.events.count, sourceLocation: sourceLocation)
    #expect(a.events == b.events, sourceLocation: sourceLocation)
    let bits = { (t: Trace) in t.hiddenStates.flatMap(\.scalars).map(\.bitPattern) }
    #expect(bits(a) == bits(b), sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    GoldenModels.linearTanhSeed7, GoldenModels.rawTanhSeed1, GoldenModels.linearSeed12,
  ])
  func theRecomputeIsTheRunOfTheEditedModel(golden: (model: RNNModel, words: [String])) throws {
    let chapter = PlayerChapter(title: "", trace: golden.model.trace(golden.words))
    // An element of every parameter, then a word swapped for another of the vocabulary.
    var edits: [ParameterEdit] = []
    for (k, parameter) in golden.model.parameters.enumerated() {
      let shape = Array(parameter.value.shape)
      let index = shape.map { $0 - 1 }
      edits.append(ParameterEdit(name: parameter.name, index: index, value: Float(k) * 0.25 - 0.6))
    }
    let whatIf = try WhatIf(
      original: chapter, edits: edits.map(WhatIfEdit.parameter) + [.word(t: 2, word: "a")])
    var words = golden.words
    words[1] = "a"
    let built = try golden.model.applying(edits).model
    expectSame(whatIf.chapter.trace.whole!, built.trace(words))
    #expect(whatIf.applied.count == edits.count)
    #expect(whatIf.firstTouched == chapter.wordEvents[1].lowerBound)
    // The values did move, and the Δ chapter says by how much.
    let delta = whatIf.withDelta().delta!
    let last = whatIf.chapter.trace.events.count - 1
    #expect(
      delta.trace.events[last].result.value.scalars
        == zip(
          whatIf.chapter.trace.events[last].result.value.scalars,
          chapter.trace.events[last].result.value.scalars
        ).map { $0 - $1 })
    #expect(delta.trace.events[last].result.value.scalars.contains { $0 != 0 })
  }

  @Test func typingAValueAndEnterRecomputesAndKeepsTheStep() throws {
    var state = start
    state.update(.whatIf)
    let editor = try #require(state.editor)
    // The cursor starts on what the step reads: Whᵀ's element [0,0], stored Wh.weight[0,0].
    #expect(editor.elementName == "Wh.weight[0,0]")
    keys(typed("1.5") + [.enter], &state)
    #expect(state.editor == nil)
    #expect(state.eventIndex == 3)
    let golden = GoldenModels.linearTanhSeed7
    let built = try golden.model.applying([
      ParameterEdit(name: "Wh.weight", index: [0, 0], value: 1.5)
    ]).model
    expectSame(state.trace.whole!, built.trace(golden.words))
    #expect(state.whatIf?.badge == "what-if: Wh.weight[0,0] = 1.5 (was -0.5779)")
    #expect(state.message?.text.contains("recomputed from step 4") == true)
    let screen = PlayerView.render(state)
    #expect(screen.line(0).contains("what-if: Wh.weight[0,0] = 1.5 (was -0.5779)"))
    #expect(screen.line(39).contains("what-if ×1"))
    // h_1 moved: its number is marked where the hidden states list it.
    let h1 = NumberFormat.value(state.trace.whole!.hiddenStates[1].scalars[0])
    state.update(.nextWord)
    let later = PlayerView.render(state)
    let row = try #require((0..<40).first { later.line($0).contains("h_1 │") })
    let x = try #require(later.line(row).range(of: h1)).lowerBound.utf16Offset(in: later.line(row))
    #expect(later.style(x: x + 1, y: row).tone == .accent)
    // The original run stands beside the edited one.
    #expect(later.lines.contains { $0.contains("bar") && $0.contains("was") })
  }

  @Test func nudgesPreviewEscCancelsUndoAndRevert() throws {
    var state = start
    let original = state.trace.whole!
    keys([.character("w"), .character("]")], &state)
    // A nudge shows the run with it at once, before Enter.
    #expect(state.whatIf?.descriptions == ["Wh.weight[0,0] = -0.5679 (was -0.5779)"])
    keys([.escape], &state)
    #expect(state.whatIf == nil)
    expectSame(state.trace.whole!, original)

    keys([.character("w"), .character("}"), .character("}"), .enter], &state)
    #expect(state.whatIf?.descriptions == ["Wh.weight[0,0] = -0.3779 (was -0.5779)"])
    keys([.character("w"), .character("n"), .enter], &state)
    keys([.character("w"), .character("*"), .enter], &state)
    #expect(state.whatIf?.edits.count == 3)
    #expect(state.whatIf?.descriptions.last == "Wh.weight[0,0] = 0.7558 (was 0.3779)")
    keys([.character("u")], &state)
    #expect(state.whatIf?.descriptions.last == "Wh.weight[0,0] = 0.3779 (was -0.3779)")
    keys([.character("U")], &state)
    #expect(state.whatIf == nil)
    expectSame(state.trace.whole!, original)
    keys([.character("u")], &state)
    #expect(state.message?.text.hasPrefix("no what-if edit to undo") == true)
  }

  @Test func arrowsMoveAmongTheTensorsOnScreenAndDropAPendingChange() throws {
    var state = start
    keys([.character("w"), .character("["), .down], &state)
    // Moving drops the previewed change.
    #expect(state.whatIf == nil)
    #expect(state.editor?.elementName == "Wh.weight[0,1]")
    keys([.down], &state)
    #expect(state.editor?.elementName == "Wh.bias[0]")
    keys([.right, .right], &state)
    #expect(state.editor?.elementName == "Wh.bias[1]")
    keys([.down, .down], &state)
    #expect(state.editor?.elementName == "h0[0,1]")
    for _ in 0..<12 { keys([.up], &state) }
    #expect(state.editor?.elementName == "word 1")
    // The cursor is drawn on the screen, and the status line names the element.
    keys([.down], &state)
    #expect(state.editor?.elementName == "embedding.weight[0,0]")
    keys([.right], &state)
    let screen = PlayerView.render(state)
    #expect(screen.line(39).contains("edit embedding.weight[0,1] = 0.3956 → "))
    #expect(screen.lines.contains { $0.contains("what-if: ↑ ↓ ← → choose a value") })
  }

  @Test func aWordSwappedForAnotherOfTheVocabularyIsAnEdit() throws {
    var state = TestSupport.after([.nextWord], from: start)
    #expect(state.wordIndex == 1)
    keys([.character("w")], &state)
    for _ in 0..<10 { keys([.up], &state) }
    #expect(state.editor?.elementName == "word 2")
    keys([.character("]")], &state)
    #expect(Array(state.trace.words) == ["the", "jumped", "jumped", "over", "a"])
    keys([.escape], &state)
    #expect(Array(state.trace.words) == ["the", "dog", "jumped", "over", "a"])
    keys([.character("w")], &state)
    for _ in 0..<10 { keys([.up], &state) }
    keys(typed("over") + [.enter], &state)
    #expect(Array(state.trace.words) == ["the", "over", "jumped", "over", "a"])
    #expect(state.whatIf?.badge == "what-if: word 2 \"dog\" → \"over\"")
    #expect(state.message?.text.contains("recomputed from step 9") == true)
    let golden = GoldenModels.linearTanhSeed7
    expectSame(state.trace.whole!, golden.model.trace(["the", "over", "jumped", "over", "a"]))
    keys([.character("w")], &state)
    for _ in 0..<10 { keys([.up], &state) }
    keys(typed("cat") + [.enter], &state)
    #expect(state.message?.isError == true)
    #expect(state.editor != nil)
  }

  @Test func badValuesAreRefusedAndTheEditorStaysOpen() {
    var state = start
    keys([.character("w"), .character("x")], &state)
    #expect(state.message?.text.hasPrefix("↑ ↓ ← → choose a value") == true)
    keys(typed("1e99") + [.enter], &state)
    #expect(state.message?.isError == true)
    #expect(state.editor != nil && state.whatIf == nil)
    keys([.control("h"), .control("h"), .control("h"), .control("h"), .enter], &state)
    #expect(state.editor == nil)
    #expect(state.message?.text.hasPrefix("nothing changed") == true)
  }

  @Test func deltaShowsEachChangeAndTheDrillWaits() throws {
    var state = start
    keys([.character("D")], &state)
    #expect(!state.showsDelta)
    keys([.character("w")] + typed("0") + [.enter, .character("D")], &state)
    #expect(state.showsDelta)
    // Wh.weight[0,0] went from -0.5779 to 0: the product's operand shows the change.
    let product = try #require(MatrixProduct(state.event))
    #expect(product.weight.value.scalars[0] == 0.577879071)
    #expect(product.weight.value.scalars[1...].allSatisfy { $0 == 0 })
    keys([.character("d")], &state)
    #expect(state.drill == nil)
    #expect(PlayerView.render(state).line(39).contains("Δ what-if ×1"))
    keys([.character("D")], &state)
    #expect(!state.showsDelta)
    #expect(MatrixProduct(state.event)?.weight.value.scalars[0] == 0)
  }

  @Test func theExportKeyWritesTheEditedTraceWithItsEdits() {
    let terminal = ScriptedTerminal(
      inputs: [.key(.right), .key(.right), .key(.right), .key(.character("w"))]
        + "2".map { .key(.character($0)) } + [.key(.enter), .key(.character("e"))])
    final class Box: @unchecked Sendable { var got: (PlayerTrace, WhatIfRecord?)? }
    let box = Box()
    let loop = PlayerLoop(
      configuration: PlayerConfiguration(export: { _, trace, whatIf in
        box.got = (trace, whatIf)
        return "/tmp/x.jsonl"
      }))
    loop.run(TestSupport.content(GoldenModels.linearTanhSeed7), on: terminal)
    #expect(
      box.got?.1?.applied == [
        AppliedEdit(name: "Wh.weight", index: [0, 0], from: -0.577879071, to: 2)
      ])
    #expect(box.got?.1?.description == "Wh.weight[0,0] = 2 (was -0.5779)")
    #expect(box.got?.0.model.parameters.first { $0.name == "Wh.weight" }?.value.scalars[0] == 2)
    #expect(terminal.screens.last?.line(29).contains("exported to /tmp/x.jsonl") == true)
  }

  @Test func theKeysAreInTheHelpAndTheStatusLine() {
    let help = KeyMap.helpLines.map { $0.keys + " " + $0.summary }
    #expect(help.contains { $0.hasPrefix("w u U D ") && $0.contains("what-if") })
    #expect(PlayerView.render(TestSupport.state()).line(39).contains("w what-if"))
  }
}
