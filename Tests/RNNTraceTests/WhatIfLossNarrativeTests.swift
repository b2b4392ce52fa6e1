import Lesson
import Model
import Testing

@testable import RNNTrace
@testable import TUI

/// A player edit on a lesson chapter with a loss: the text's numbers are the edited
/// run's, its loss and its SGD step included.
@Suite struct WhatIfLossNarrativeTests {
  @Test func theTextOfAnEditedChapterWithALossGivesTheEditedRunsNumbers() throws {
    let lesson = try #require(BundledLessons.named("rnn-learning")).lesson()
    let loaded = LoadedLesson(lesson: lesson, file: "lessons/rnn-learning.yaml", only: 5)
    let original = PlayCommand.playerChapter(
      loaded.run(5, kernel: .platformDefault, kernels: .amd), number: 5)
    #expect(original.learner != nil)
    let whatIf = try WhatIf(
      original: original,
      edits: [.parameter(ParameterEdit(name: "head.weight", index: [1, 0], value: 1))])
    #expect(whatIf.chapter.isNarratedFromRun)
    let before = try #require(original.training)
    let after = try #require(whatIf.chapter.training)
    #expect(before.losses[0] != after.losses[0])
    let text = { (chapter: PlayerChapter) in
      chapter.narrative.values.flatMap { $0 }.joined(separator: " ")
    }
    let fall = { (run: TrainingRun) in
      "L = \(NumberFormat.value(run.lossAfter)), down from \(NumberFormat.value(run.losses[0]))"
    }
    #expect(text(original).contains(fall(before)))
    #expect(text(whatIf.chapter).contains(fall(after)))
  }
}
