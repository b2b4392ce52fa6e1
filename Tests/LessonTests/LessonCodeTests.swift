import Model
import Testing

@testable import Lesson

/// `code:` gives each step the lesson's line of code; `summary:` a chapter's closing
/// text.
struct LessonCodeTests {
  static func lesson(code: String, summary: String = "") throws(LessonError) -> Lesson {
    let text = """
      title: Code
      chapters:
        - title: Two words
          variant: linear
          inputs: 1
          hidden: 1
          sentence: the dog
          literals:
            E: [[0.5], [-1]]
            h_0: [[0.25]]
            w_h: [[2]]
            w_e: [[3]]
          model:
            embedding: E
            h0: h_0
            w_h: w_h
            w_e: w_e
      \(code)
      \(summary)
      """
    return try LessonParser.parse(text, file: "code.yaml")
  }

  @Test func anOperationsCodeGoesToEveryWordAndAnAnchorOverridesOneStep() throws {
    let chapter = try Self.lesson(
      code: """
            code:
              - operation: matmul_hidden
                text: "torch.mm(h_{t-1}, w_h)  # word {t}"
              - at: {t: 2, operation: matmul_hidden}
                text: "the second word's own {{line}}"
              - operation: add
                text: new_h = hidden_prod + embed_prod
        """
    ).chapters[0]
    // linear: embedding, matmul_input, matmul_hidden, add, hidden_state per word.
    #expect(chapter.code[3] == "torch.mm(h_0, w_h)  # word 1")
    #expect(chapter.code[8] == "the second word's own {line}")
    #expect(chapter.code[4] == "new_h = hidden_prod + embed_prod")
    #expect(chapter.code[9] == "new_h = hidden_prod + embed_prod")
    #expect(chapter.code[1] == nil && chapter.code.count == 4)
  }

  @Test func aSummaryShowsValuesOfTheLastStep() throws {
    let chapter = try Self.lesson(
      code: "", summary: "    summary: It ends at h_2 = {h_2}, the same as {result}."
    )
    .chapters[0]
    let run = chapter.run()
    // h_1 = 0.25·2 + 0.5·3 = 2; h_2 = 2·2 + (-1)·3 = 1.
    #expect(run.summary() == "It ends at h_2 = 1.0000, the same as 1.0000.")
  }

  @Test(arguments: [
    (
      "    code:\n      - operation: tanh\n        text: x",
      "`operation` is text `tanh`; expected one of: embedding, matmul_input, matmul_hidden, add, hidden_state"
    ),
    (
      "    code:\n      - text: x",
      "a `code` entry with neither `operation` nor `at`; expected exactly one of them"
    ),
    (
      "    code:\n      - operation: add\n        at: end\n        text: x",
      "a `code` entry with both `operation` and `at`; expected exactly one of them"
    ),
    (
      "    code:\n      - operation: add\n        text: \"{x}\"",
      "`{x}` has a brace that is not `{t}` or `{t-1}`; expected `{t}` for the word's number,"
        + " `{t-1}` for the one before, `{{` or `}}` for a brace"
    ),
  ])
  func mistakesAreReportedWithWhatIsExpected(code: String, message: String) {
    #expect(throws: LessonError.self) { try Self.lesson(code: code) }
    do {
      _ = try Self.lesson(code: code)
    } catch {
      #expect(error.message == message)
    }
  }

  /// The bundled lesson gives every operation of chapters 1 to 3 its line of code.
  @Test func theBundledLessonHasCodeForEveryStepOfItsFirstChapters() throws {
    let lesson = try BundledLessons.standard.lesson()
    for chapter in lesson.chapters.prefix(3) {
      for step in 1...chapter.stepCount {
        #expect(chapter.code[step] != nil, "\(chapter.title): step \(step) has no code")
      }
      #expect(chapter.summary != nil, "\(chapter.title) has no summary")
    }
  }
}
