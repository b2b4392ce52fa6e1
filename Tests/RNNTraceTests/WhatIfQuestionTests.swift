import Lesson
import Model
import Testing

@testable import RNNTrace
@testable import TUI

/// A lesson's question waiting for its answer when the learner edits the run: it is
/// asked again in the edited run's numbers, never in the original's beside panels
/// that show the edited ones.
@Suite struct WhatIfQuestionTests {
  @Test func aQuestionWaitingForItsAnswerIsAskedAgainInTheEditedNumbers() throws {
    let lesson = try #require(BundledLessons.named("rnn-pytorch")).lesson()
    let loaded = LoadedLesson(lesson: lesson, file: "lessons/rnn-pytorch.yaml", only: 1)
    let chapter = PlayCommand.playerChapter(
      loaded.run(1, kernel: .platformDefault, kernels: .amd), number: 1)
    let (step, question) = try #require(chapter.questions.min { $0.key < $1.key })
    let content = PlayerContent(title: "lesson", chapters: [chapter])
    var state = PlayerState(content: content, size: ScreenSize(columns: 120, rows: 40))
    for _ in 1..<step { state.update(.next) }
    #expect(state.quiz.asking?.authored?.prompt == question.prompt)

    state.update(.whatIf)
    for key: Key in [.character("1"), .character("."), .character("5"), .enter] {
      state.update(.editInput(key))
    }
    #expect(state.whatIf != nil)
    let edited = try #require(state.chapter.questions[step])
    #expect(edited.prompt != question.prompt)
    #expect(state.quiz.asking?.authored?.prompt == edited.prompt)
  }
}
