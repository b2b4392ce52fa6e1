import Foundation
import Model
import Testing

@testable import TUI

/// After the forward pass: each position's prediction, the backward pass with tanh's
/// slope and each parameter's term beside its running sum, the gradient-flow strip, then
/// the SGD update and the loss curve; all in one fixed place, at 80x24 and 120x40.
struct LossStageTests {
  static let words = ["the", "dog", "jumped", "over", "a"]

  /// One traced round of `words` (forward, loss, backward) and a run of `rounds`.
  static func chapter(
    words: [String] = words, loss: LossKind = .nextWord, rounds: Int? = 3, hidden: Int = 2
  ) throws -> PlayerChapter {
    let spec = ModelSpec(variant: .linearTanh, seed: 0, inputs: 4, hidden: hidden, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: loss)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    var tracer = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    _ = learner.backward(trace: &tracer)
    var chapter = PlayerChapter(
      title: "", trace: Trace(model: model, words: words, events: tracer.listener.events))
    chapter.training = rounds.map { TrainingRun(learner, rounds: $0, learningRate: 0.1) }
    return chapter
  }

  static func state(_ chapter: PlayerChapter, columns: Int = 80, rows: Int = 24) -> PlayerState {
    PlayerState(
      content: PlayerContent(title: "test", chapters: [chapter]),
      size: ScreenSize(columns: columns, rows: rows))
  }

  /// The state at event `index` (or a training screen past the events).
  static func at(_ index: Int, _ chapter: PlayerChapter, columns: Int = 80, rows: Int = 24)
    -> PlayerState
  {
    var state = state(chapter, columns: columns, rows: rows)
    state.eventIndex = index
    return state
  }

  static func index(_ chapter: PlayerChapter, where match: (TraceEvent) -> Bool) throws -> Int {
    let found = chapter.trace.events.firstIndex(where: match)
    return try #require(found)
  }

  @Test func thePredictionShowsEveryWordsProbabilityAndMarksTheTrueNextWord() throws {
    let chapter = try Self.chapter()
    let loss = try Self.index(chapter) { $0.operation == .loss && $0.index != nil && $0.t == 1 }
    let lossValue = chapter.trace.events[loss].resultValue.scalars[0]
    // At the logits, the scores show and the softmax has not run.
    let before = PlayerView.render(Self.at(loss - 1, chapter)).lines
    #expect(before.contains { $0.contains("dog") && $0.contains("0.5962") && $0.hasSuffix("·") })
    #expect(before.contains { $0.contains("L_1 = -log p(next word): not run yet") })
    let lines = PlayerView.render(Self.at(loss, chapter)).lines
    let rows = lines.filter { line in
      line.contains("█") && Self.words.contains { line.contains(" \($0) ") }
    }
    // One row per vocabulary word, each with a bar and a probability; they sum to 1.
    let probabilities = rows.compactMap { row in
      row.split(separator: " ").compactMap { Double($0) }.last
    }
    #expect(probabilities.count == 5)
    #expect(abs(probabilities.reduce(0, +) - 1) < 0.001)
    let dog = try #require(rows.first { $0.contains("dog") })
    #expect(dog.hasPrefix("▶") && dog.contains("◂ true next word") && dog.contains("█"))
    #expect(dog.contains(String(format: "%.4f", exp(-Double(lossValue)))))
    #expect(rows.filter { $0.contains("true next word") }.count == 1)
    #expect(
      lines.contains {
        $0.contains("L_1 = -log p(\"dog\") = -log 0.2605 = \(NumberFormat.value(lossValue))")
      })
  }

  @Test func aBigVocabularyShowsTheLikeliestWordsAndTheTrueOne() throws {
    let probabilities: [Double] = (0..<30).map { 1 / Double($0 + 2) }
    let rows = PredictionPanel.rows(probabilities: probabilities, target: 29, capacity: 6)
    #expect(rows == [0, 1, 2, 3, 29, nil])
    #expect(
      PredictionPanel.rows(probabilities: probabilities, target: 1, capacity: 6)
        == [0, 1, 2, 3, 4, nil])
    // Drawn: 26 distinct words, at 80x24, the true word among the rows shown.
    let words = (0..<26).map { "w\($0)" }
    let chapter = try Self.chapter(words: words, rounds: nil)
    let loss = try Self.index(chapter) { $0.operation == .loss && $0.index != nil && $0.t == 3 }
    let lines = PlayerView.render(Self.at(loss, chapter)).lines
    #expect(lines.contains { $0.contains(" w3 ") && $0.contains("◂ true next word") })
    #expect(lines.contains { $0.contains("less likely words") })
  }

  @Test func backwardTanhShowsTheSlopeAtEachPoint() throws {
    let chapter = try Self.chapter()
    let index = try Self.index(chapter) { $0.pass == .backward && $0.operation == .tanh }
    let event = chapter.trace.events[index]
    let h = event.operand(1).value.scalars
    let grid = PlayerView.render(Self.at(index, chapter))
    let slope = try #require(grid.lines.first { $0.contains("slope 1 - h_4²") })
    for v in h { #expect(slope.contains(NumberFormat.value(1 - v * v))) }
    // The slope times dL/dh is the traced dL/dz.
    let g = event.operand(0).value.scalars
    #expect(zip(g, h).map { $0 * (1 - $1 * $1) } == event.resultValue.scalars)
    #expect(grid.lines.contains { $0.contains("= dL/dz_4") })
    // The tangents are drawn on the curve.
    #expect(grid.lines.contains { $0.contains("∙") && $0.contains("┼") })
  }

  @Test func aWeightsTermStandsBesideTheRunningSum() throws {
    let chapter = try Self.chapter()
    let events = chapter.trace.events
    // We.weight's second use (t=3): its term, then the sum before and after it.
    let sum = try Self.index(chapter) { $0.formula.hasPrefix("dL/dWe.weight += ") }
    let term = sum - 1
    #expect(LossStage.isAccumulation(events[sum]))
    #expect(LossStage.isContribution(events[term], of: events[sum]))
    let before = events[sum].operand(0).value
    let after = events[sum].resultValue
    let contribution = events[term].resultValue
    func row(_ t: Tensor, _ r: Int) -> String {
      (0..<t.columns).map { NumberFormat.signed(t[r, $0]) }.joined(separator: " ")
    }
    let atTerm = PlayerView.render(Self.at(term, chapter)).lines
    #expect(atTerm.contains { $0.contains("running sum before t=3") })
    #expect(atTerm.contains { $0.contains(row(contribution, 0)) && $0.contains(row(before, 0)) })
    let atSum = PlayerView.render(Self.at(sum, chapter)).lines
    #expect(atSum.contains { $0.contains("running sum, t=3 added") })
    // The term's makings: δ = dL/dz_3 and the input e_3.
    let delta = events[term].operand(0).value
    let input = events[term].operand(1).value
    #expect(atSum.contains { $0.contains("dL/dz_3 │ \(row(delta, 0))") })
    #expect(atSum.contains { $0.contains("e_3 │ \(row(input, 0))") })
    #expect(atSum.contains { $0.contains(row(contribution, 1)) && $0.contains(row(after, 1)) })
    // A bias has no term of its own to compute: the same panel, from its one event.
    let bias = try Self.index(chapter) { $0.formula.hasPrefix("dL/dWh.bias += ") }
    let biasLines = PlayerView.render(Self.at(bias, chapter)).lines
    #expect(biasLines.contains { $0.contains(row(events[bias].resultValue, 0)) })
  }

  @Test func theStripShowsTheGradientArrivingAtTheStepBefore() throws {
    let chapter = try Self.chapter()
    let handed = try Self.index(chapter) { $0.result.name == "dL/dh_3 from step 4" }
    let lines = PlayerView.render(Self.at(handed, chapter)).lines
    #expect(lines.contains { $0.hasPrefix("t=3 ← dL/dh_3 from step 4 arriving") })
    #expect(lines.contains { $0.hasPrefix("t=4 █") })
    #expect(lines.contains { $0.contains("gradient flow ‖dL/dh_t‖ (linear, full bar = largest)") })
    // Gathered at t=3: its bar, with its norm.
    let gathered = PlayerView.render(Self.at(handed + 2, chapter)).lines
    let norm = try #require(chapter.gradientFlow.norms[3]).norm
    #expect(
      gathered.contains { $0.hasPrefix("t=3 █") && $0.contains(String(format: "%.2e", norm)) })
    #expect(gathered.contains { $0.hasPrefix("t=5 ·  (no gradient)") })
  }

  /// With `last-word`, the last position's head events and dL/dh_{T-1} share a group of
  /// events: its norm is found all the same, and h_T, which predicts nothing, has none.
  @Test func theLastWordsLossReachesEveryEarlierStep() throws {
    let chapter = try Self.chapter(loss: .lastWord, rounds: nil)
    let flow = chapter.gradientFlow
    #expect(Set(flow.norms.keys) == [1, 2, 3, 4])
    for (t, known) in flow.norms {
      let event = chapter.trace.events[known.event]
      #expect(event.pass == .backward && event.operation == .hiddenState && event.t == t)
    }
  }

  @Test func normsThatSpanDecadesAreDrawnOnALogScale() throws {
    let model = try ModelSpec(
      variant: .linearTanh, seed: 0, inputs: 2, hidden: 2, words: ["a", "b"]
    )
    .buildWithHead().0
    func event(_ t: Int, _ v: Float) -> TraceEvent {
      TraceEvent(
        step: t, t: t, word: "a", operation: .hiddenState, formula: "dL/dh_\(t)",
        operands: [NamedTensor("g", Tensor(shape: [1, 2], scalars: [v, 0]))],
        result: NamedTensor("dL/dh_\(t)", Tensor(shape: [1, 2], scalars: [v, 0])),
        pass: .backward)
    }
    let trace = Trace(
      model: model, words: ["a", "b", "c"], events: [event(3, 1), event(2, 0.01), event(1, 1e-4)])
    let flow = GradientFlow(trace: trace, wordEvents: [0..<1, 1..<2, 2..<3])
    #expect(flow.isLogScale)
    #expect(flow.scaleNote == "log scale, 1 decade = 4 cells")
    // Four cells a decade below the full bar: a vanishing gradient still shows.
    #expect(flow.barWidth(1, width: 24) == 24)
    #expect(flow.barWidth(0.01, width: 24) == 16)
    #expect(flow.barWidth(1e-4, width: 24) == 8)
    // Within a decade, bars are shares of the largest.
    let linear = GradientFlow(trace: trace, wordEvents: [0..<1])
    #expect(!linear.isLogScale && linear.scaleNote == "linear, full bar = largest")
  }

  @Test func theUpdateShowsOldGradientAndNewValueAndTheLossFalling() throws {
    let chapter = try Self.chapter()
    let training = try #require(chapter.training)
    #expect(chapter.trainingScreens == [.update, .lossCurve])
    #expect(chapter.stepCount == chapter.trace.events.count + 2)
    let state = Self.at(chapter.trace.events.count, chapter)
    #expect(state.trainingScreen == .update)
    let lines = PlayerView.render(state).lines
    #expect(lines[0].contains("SGD update") && lines[0].contains("after round 1"))
    let (before, after) = (training.losses[0], training.losses[1])
    #expect(after < before)
    #expect(
      lines.contains {
        $0.contains(
          "loss before \(NumberFormat.value(before)) → after \(NumberFormat.value(after)) (it falls)"
        )
      })
    // Every parameter has a row: its element's old value, gradient and new value, with
    // new = old - lr·gradient.
    for update in training.firstUpdate {
      let row = try #require(lines.first { $0.contains(" \(update.name)[") }, "\(update.name)")
      let numbers = row.split(separator: " ").compactMap { Float($0) }
      #expect(numbers.count >= 3)
      let (old, gradient, new) = (numbers[0], numbers[1], numbers[2])
      #expect(abs(old - 0.1 * gradient - new) < 2e-4, "\(row)")
    }
    #expect(lines.contains { $0.contains("(+18 more of 20)") })
  }

  @Test func theLossCurveDrawsEveryRound() throws {
    let chapter = try Self.chapter(rounds: 40)
    let training = try #require(chapter.training)
    var state = Self.state(chapter)
    state.update(.last)
    #expect(state.trainingScreen == .lossCurve)
    let lines = PlayerView.render(state).lines
    #expect(lines[0].contains("loss curve") && lines[0].contains("40 rounds"))
    #expect(
      lines.contains {
        $0.contains(
          "round 1: \(NumberFormat.value(training.losses[0])) → after round 40: \(NumberFormat.value(training.lossAfter))"
        )
      })
    // 41 columns of bars (each round, then after the last): the first the tallest.
    let top = try #require(lines.firstIndex { $0.contains("┤") })
    #expect(lines[top].contains(NumberFormat.value(training.losses.max()!)))
    let bottom = try #require(lines.lastIndex { $0.contains("┤") })
    let bars = lines[bottom].split(separator: "┤")[1].prefix { $0 != " " }
    #expect(bars.count == 41)
    // Back from the curve: the update, then the last event of the backward pass.
    state.update(.previous)
    #expect(state.trainingScreen == .update)
    state.update(.previous)
    #expect(state.trainingScreen == nil && state.eventIndex == chapter.trace.events.count - 1)
  }

  /// A recording's marker names the training screen, not the last event under it.
  @Test func aRecordingLabelsTheTrainingScreens() throws {
    let chapter = try Self.chapter()
    let training = try #require(chapter.training)
    let count = chapter.trace.events.count
    #expect(
      StepLabel.text(for: Self.at(count, chapter))
        == "\(count + 1) · SGD update, lr 0.1 · loss → \(NumberFormat.value(training.losses[1]))")
    #expect(
      StepLabel.text(for: Self.at(count + 1, chapter))
        == "\(count + 2) · loss curve, 3 rounds · loss → \(NumberFormat.value(training.lossAfter))")
  }

  @Test func oneRoundHasTheUpdateButNoCurve() throws {
    let chapter = try Self.chapter(rounds: 1)
    #expect(chapter.trainingScreens == [.update])
    let untrained = try Self.chapter(rounds: nil)
    #expect(untrained.trainingScreens.isEmpty)
    #expect(untrained.stepCount == untrained.trace.events.count)
  }

  /// The stage's panels keep their places from the first prediction to the loss curve,
  /// and every one of its screens fits.
  @Test(arguments: [(80, 24), (120, 40)])
  func theLayoutStaysFixedThroughTheStage(columns: Int, rows: Int) throws {
    let chapter = try Self.chapter()
    let first = try Self.index(chapter) { $0.isAfterForward }
    var places: [[Int]]?
    for index in first..<chapter.stepCount {
      let state = Self.at(index, chapter, columns: columns, rows: rows)
      let layout = try #require(PlayerView.layout(state), "step \(index + 1)")
      let rects = layout.placed.map { [$0.1.x, $0.1.y, $0.1.width, $0.1.height] }
      for rect in rects {
        #expect(rect[0] + rect[2] <= columns && rect[1] + rect[3] <= rows - 2)
      }
      if let places { #expect(rects == places, "step \(index + 1)") } else { places = rects }
      // Nothing is cut off into a rule or the status line.
      let lines = PlayerView.render(state).lines
      #expect(lines.count == rows)
      #expect(lines[rows - 1].contains("q quit"))
    }
  }

  @Test func aTrainingScreenIsNoQuizStepAndSearchGoesBackFromIt() throws {
    let chapter = try Self.chapter()
    var state = Self.state(chapter)
    state.update(.last)
    state.update(.quiz)
    #expect(state.quiz.isOn && state.quiz.asking == nil)
    state.update(.quiz)
    state.update(.search)
    for c in "tanh" { state.update(.searchInput(.character(c))) }
    state.update(.searchInput(.enter))
    #expect(state.trainingScreen != nil)
    state.update(.searchPrevious)
    #expect(state.trainingScreen == nil)
    #expect(state.event.operation == .tanh && state.event.pass == .backward && state.event.t == 1)
  }
}
