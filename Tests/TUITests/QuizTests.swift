import Model
import Testing

@testable import TUI

/// Predict, then reveal, on the golden linear-tanh model (8 operations a word).
@Suite struct QuizTests {
  let start = TestSupport.state()

  func typed(_ text: String, into state: inout PlayerState) {
    for c in text { state.update(.quizInput(.character(c))) }
  }

  @Test func aComputedResultIsHiddenUntilGuessed() {
    var state = start
    state.update(.quiz)
    // Step 1 is the embedding's lookup: nothing to guess.
    #expect(state.quiz.isOn && state.quiz.asking == nil)
    state.update(.next)
    let question = try! #require(state.quiz.asking)
    #expect(question.eventIndex == 1 && question.element == 1)
    let value = state.event.result.value.scalars[1]
    let shown = NumberFormat.value(value)
    // Hidden: not in the panels, the narration or the text.
    let hidden = PlayerView.render(state).lines.joined(separator: "\n")
    #expect(hidden.contains("guess: W_e·e_1[1]"))
    #expect(!hidden.contains(shown))
    typed("\(value + 0.005)", into: &state)
    state.update(.quizInput(.enter))
    #expect(state.quiz.asking == nil)
    #expect(state.message?.text.hasPrefix("W_e·e_1[1] = \(shown), you said ") == true)
    #expect(state.message?.text.hasSuffix("(within 0.01)") == true)
    #expect(state.quiz.score == "quiz 1✓ 0~ 0✗")
    let revealed = PlayerView.render(state).lines.joined(separator: "\n")
    #expect(revealed.contains(shown))
    // Coming back to a revealed step asks nothing.
    state.update(.next)
    state.update(.quizInput(.enter))
    state.update(.previous)
    #expect(state.quiz.asking == nil)
  }

  @Test func gradesAndTheChapterSummary() throws {
    var state = start
    state.update(.quiz)
    state.update(.next)
    let value = state.event.result.value.scalars[1]
    typed("\(value * 1.05)", into: &state)
    state.update(.quizInput(.enter))
    // 5% off: within 10%, or within 0.01 for a small value; never missed.
    #expect(state.message?.text.contains("(missed)") == false)
    state.update(.next)
    typed("99", into: &state)
    state.update(.quizInput(.enter))
    #expect(state.message?.text.hasSuffix("(missed)") == true)
    // A jump asks too; → reveals without a guess.
    state.update(.last)
    #expect(state.quiz.asking?.eventIndex == 39)
    state.update(.quizInput(.right))
    #expect(state.quiz.asking == nil && state.eventIndex == 39)
    let message = try #require(state.message?.text)
    #expect(message.contains(" │ chapter: 2 guesses"))
    #expect(message.contains("1 missed"))
  }

  @Test func aTurnsItOffAndBackspaceEdits() {
    var state = start
    state.update(.quiz)
    state.update(.next)
    typed("1.55", into: &state)
    state.update(.quizInput(.control("h")))
    #expect(state.quiz.asking?.typed == "1.5")
    state.update(.quizInput(.character("a")))
    #expect(!state.quiz.isOn && state.quiz.asking == nil)
    #expect(state.eventIndex == 1)
  }
}
