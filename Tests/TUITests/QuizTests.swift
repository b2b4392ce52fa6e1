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
    #expect(message.hasPrefix("chapter: 2 guesses"))
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

/// A lesson's own questions: asked with the quiz off, answered by a choice's number or a
/// number, graded and kept above the step's text.
@Suite struct LessonQuestionPlayerTests {
  /// The golden linear-tanh model with a choice question at step 6 (the add) and a
  /// number question at step 7 (the tanh).
  static func state(rows: Int = 40) -> PlayerState {
    var chapter = TestSupport.content(GoldenModels.linearTanhSeed7).chapters[0]
    let z = chapter.trace.events[5].result.value.scalars[0]
    chapter.questions[6] = PlayerQuestion(
      prompt: "Will z_1[0] be positive?",
      answer: .choice(
        options: ["positive", "negative"], correct: z > 0 ? 0 : 1, evidence: "z_1[0] = \(z)"))
    chapter.questions[7] = PlayerQuestion(
      prompt: "What is tanh(z_1[0])?",
      answer: .number(name: "tanh(z_1[0])", value: chapter.trace.events[6].result.value.scalars[0]))
    return PlayerState(
      content: PlayerContent(title: "test", chapters: [chapter]),
      size: ScreenSize(columns: 120, rows: rows))
  }

  @Test func aChoiceIsAskedWithTheQuizOffAndAnsweredByItsNumber() throws {
    var state = Self.state()
    #expect(!state.quiz.isOn)
    state.update(.last)
    state.update(.first)
    for _ in 0..<5 { state.update(.next) }
    let question = try #require(state.quiz.asking)
    #expect(question.eventIndex == 5 && question.authored != nil)
    let screen = PlayerView.render(state).lines.joined(separator: "\n")
    #expect(screen.contains("Question: Will z_1[0] be positive?"))
    #expect(screen.contains("1) positive") && screen.contains("2) negative"))
    #expect(screen.contains("» the lesson asks: 1) positive  2) negative"))
    #expect(screen.contains("your answer (1 to 2): ▏"))
    guard case .choice(_, let correct, _) = question.authored?.answer else { return }
    // A number that is not a choice is refused; the right one is graded right.
    state.update(.quizInput(.character("3")))
    #expect(state.quiz.isAsking && state.message?.isError == true)
    state.update(.quizInput(.character(Character(String(correct + 1)))))
    #expect(!state.quiz.isAsking)
    #expect(state.message?.text.hasPrefix("right: the answer is \(correct + 1), ") == true)
    #expect(state.quiz.score == "quiz 1✓ 0~ 0✗")
    // The score shows though the quiz is off, and the answer stands above the text.
    let answered = PlayerView.render(state).lines.joined(separator: "\n")
    #expect(answered.contains("quiz 1✓ 0~ 0✗"))
    #expect(answered.contains("Asked: Will z_1[0] be positive? → right: the answer is"))
  }

  @Test func aNumberIsGradedAgainstTheWorkedOutValue() throws {
    var state = Self.state()
    state.update(.last)
    state.update(.first)
    for _ in 0..<5 { state.update(.next) }
    state.update(.quizInput(.enter))  // passes the choice
    #expect(state.quiz.grades[0] == [.passed])
    state.update(.next)
    let question = try #require(state.quiz.asking?.authored)
    guard case .number(_, let value) = question.answer else { return }
    for c in "\(value + 5)" { state.update(.quizInput(.character(c))) }
    state.update(.quizInput(.enter))
    #expect(state.message?.text.hasPrefix("tanh(z_1[0]) = \(NumberFormat.value(value))") == true)
    #expect(state.message?.text.hasSuffix("(missed)") == true)
    #expect(state.quiz.score == "quiz 0✓ 0~ 1✗")
  }

  @Test func turningTheQuizOffStopsTheLessonsQuestions() {
    var state = Self.state()
    state.update(.quiz)
    state.update(.quiz)
    #expect(!state.quiz.isOn && !state.quiz.asksLessonQuestions)
    for _ in 0..<5 { state.update(.next) }
    #expect(state.eventIndex == 5 && state.quiz.asking == nil)
  }
}
