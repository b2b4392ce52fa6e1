import Model
import Testing

@testable import TUI

/// What-if edits on a chapter that goes on to a loss: the recompute runs the forward
/// pass, the loss, the backward pass and the training rounds of the edited model and
/// head, bit for bit as a learner built from the edited parameters runs them.
@Suite struct WhatIfLossTests {
  static let words = ["the", "dog", "jumped", "over", "a"]

  static func learner(_ loss: LossKind = .nextWord) throws -> Learner {
    let spec = ModelSpec(variant: .linearTanh, seed: 0, inputs: 4, hidden: 2, words: words)
    let (model, head) = try spec.buildWithHead()
    return try Learner(model: model, head: head, words: words, loss: loss)
  }

  /// The chapter `play --loss` builds: the traced round, its learner, and `rounds`.
  static func chapter(_ learner: Learner, rounds: Int? = 3) -> PlayerChapter {
    var chapter = PlayerChapter(title: "", trace: learner.tracedRound().trace)
    chapter.training = rounds.map { TrainingRun(learner, rounds: $0, learningRate: 0.1) }
    chapter.learner = learner
    return chapter
  }

  static func state(_ chapter: PlayerChapter, at index: Int, columns: Int = 120, rows: Int = 40)
    -> PlayerState
  {
    var state = PlayerState(
      content: PlayerContent(title: "test", chapters: [chapter]),
      size: ScreenSize(columns: columns, rows: rows))
    state.eventIndex = index
    return state
  }

  func keys(_ keys: [Key], _ state: inout PlayerState) {
    for key in keys {
      state.update(state.editor != nil ? .editInput(key) : KeyMap.action(for: key)!)
    }
  }

  func bits(_ trace: Trace) -> [[UInt32]] {
    trace.events.map { $0.result.value.scalars.map(\.bitPattern) }
  }

  @Test(arguments: [LossKind.nextWord, .lastWord])
  func theRecomputeIsTheRoundOfTheEditedModelAndHead(loss: LossKind) throws {
    let learner = try Self.learner(loss)
    let original = Self.chapter(learner)
    let edits = [
      ParameterEdit(name: "Wh.weight", index: [0, 0], value: 1.5),
      ParameterEdit(name: "head.bias", index: [2], value: -1),
    ]
    let whatIf = try WhatIf(
      original: original, edits: edits.map(WhatIfEdit.parameter) + [.word(t: 2, word: "a")])
    #expect(whatIf.isComplete)
    var words = Self.words
    words[1] = "a"
    let swapped = try Learner(
      model: learner.model, head: learner.head, words: words, loss: loss)
    let built = try swapped.applying(edits).learner
    let expected = built.tracedRound().trace
    let trace = try #require(whatIf.chapter.trace.whole)
    #expect(trace.events == expected.events)
    #expect(bits(trace) == bits(expected))
    #expect(trace.events.last?.pass == .backward)
    let rounds = try #require(whatIf.chapter.training)
    let again = TrainingRun(built, rounds: 3, learningRate: 0.1)
    #expect(rounds.losses.map(\.bitPattern) == again.losses.map(\.bitPattern))
    #expect(rounds.lossAfter.bitPattern == again.lossAfter.bitPattern)
    #expect(rounds.losses[0] != original.training!.losses[0])
    #expect(whatIf.record.head == built.head)
    #expect(whatIf.applied.map(\.name) == ["Wh.weight", "head.bias"])
    // The Δ chapter keeps the training screens, so the steps stay where they are.
    let delta = try #require(whatIf.withDelta().delta)
    #expect(delta.stepCount == whatIf.chapter.stepCount)
    #expect(delta.trace.events.last?.result.value.scalars.contains { $0 != 0 } == true)
  }

  @Test func anEditOfTheHeadFirstTouchesTheFirstPrediction() throws {
    let original = Self.chapter(try Self.learner())
    let whatIf = try WhatIf(
      original: original,
      edits: [.parameter(ParameterEdit(name: "head.weight", index: [1, 0], value: 0.5))])
    let first = original.trace.events.firstIndex { $0.operation == .logits }
    #expect(whatIf.firstTouched == first)
    #expect(first != nil)
    // The forward pass did not move; the loss did.
    let edited = try #require(whatIf.chapter.trace.whole)
    #expect(Array(edited.events[..<first!]) == Array(original.trace.events[..<first!]))
    #expect(edited.events[first!] != original.trace.events[first!])
  }

  @Test func onABackwardStepWEditsAndTheRoundIsRunAgain() throws {
    let learner = try Self.learner()
    let original = Self.chapter(learner)
    // dL/dz_4: a backward step of word 4.
    let step = try #require(
      original.trace.events.firstIndex { $0.pass == .backward && $0.operation == .tanh })
    var state = Self.state(original, at: step)
    keys([.character("w")], &state)
    let editor = try #require(state.editor)
    let names = editor.targets.map(\.name)
    #expect(names.first == "word \(original.trace.events[step].t)")
    #expect(names.contains("head.weight") && names.contains("head.bias"))
    #expect(names.contains("Wh.weight") && names.last == "h0")
    // Down to Wh.weight, type a value, Enter.
    while state.editor?.target.name != "Wh.weight" { keys([.down], &state) }
    let element = try #require(state.editor?.elementName)
    keys([.character("2"), .enter], &state)
    #expect(state.editor == nil)
    #expect(state.eventIndex == step)
    let index = element.dropFirst("Wh.weight[".count).dropLast().split(separator: ",").map {
      Int($0)!
    }
    let built = try learner.applying([ParameterEdit(name: "Wh.weight", index: index, value: 2)])
      .learner
    #expect(state.trace.whole?.events == built.tracedRound().trace.events)
    #expect(
      state.chapter.training?.losses == TrainingRun(built, rounds: 3, learningRate: 0.1).losses)
    #expect(state.whatIf?.badge.hasPrefix("what-if: \(element) = 2 (was ") == true)
    #expect(state.message?.text.contains("recomputed from step") == true)
    let screen = PlayerView.render(state)
    #expect(screen.line(0).contains("what-if: \(element) = 2"))
    // Δ, undo.
    keys([.character("D")], &state)
    #expect(state.showsDelta)
    keys([.character("u")], &state)
    #expect(state.whatIf == nil)
    #expect(state.trace.whole?.events == original.trace.whole?.events)
  }

  @Test func aNudgeOfTheHeadsBiasPreviewsAndEnterKeepsIt() throws {
    let learner = try Self.learner()
    let original = Self.chapter(learner, rounds: nil)
    let step = try #require(original.trace.events.firstIndex { $0.operation == .loss })
    var state = Self.state(original, at: step, columns: 80, rows: 24)
    keys([.character("w")], &state)
    while state.editor?.target.name != "head.bias" { keys([.down], &state) }
    #expect(state.editor?.elementName == "head.bias[0]")
    keys([.character("}"), .enter], &state)
    let value = Float((Double(learner.head.bias.scalars[0] + 0.1) * 10_000).rounded() / 10_000)
    let built = try learner.applying([ParameterEdit(name: "head.bias", index: [0], value: value)])
      .learner
    #expect(state.trace.whole?.events == built.tracedRound().trace.events)
    #expect(state.chapter.learner?.head == built.head)
    // At 80x24 the header says what-if, the status line how many edits.
    let screen = PlayerView.render(state)
    #expect(screen.line(0).contains("what-if"))
    #expect(screen.line(23).contains("what-if ×1"))
  }

  @Test func withoutItsHeadARoundWithALossSaysWhyWIsOff() throws {
    var chapter = Self.chapter(try Self.learner(), rounds: nil)
    chapter.learner = nil
    var state = Self.state(chapter, at: 3)
    keys([.character("w")], &state)
    #expect(state.editor == nil)
    #expect(state.message?.isError == true)
    #expect(state.message?.text.contains("prediction head") == true)
  }

  /// A loss chapter is recomputed whole: edit mode opens on the lesson's sizes, and on
  /// one too big to recompute between keys says so in one line, naming `--set`.
  @Test func editModeOnABigLossChapterSaysWhyItIsOff() throws {
    let small = Self.state(Self.chapter(try Self.learner()), at: 3)
    var opened = small
    opened.update(.whatIf)
    #expect(opened.editor != nil)

    let words = (0..<360).map { "w\($0 % 50)" }
    let spec = ModelSpec(variant: .linearTanh, seed: 0, inputs: 64, hidden: 256, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: .nextWord)
    let big = Self.chapter(learner, rounds: nil)
    #expect(PlayerState.lossRecomputeWork(big) > PlayerState.mostLossRecomputeWork)
    var state = Self.state(big, at: 3)
    state.update(.whatIf)
    #expect(state.editor == nil)
    let message = try #require(state.message)
    #expect(message.isError)
    #expect(message.text.contains("--set NAME[i,j]=VALUE"))
  }
}
