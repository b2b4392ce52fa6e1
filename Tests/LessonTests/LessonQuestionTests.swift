import Testing

@testable import Lesson
@testable import Model

/// A lesson's own questions: parsed from `questions:`, answered from the chapter's run
/// (never from the lesson's text), in the bundled lesson and in small lessons.
struct LessonQuestionTests {
  static let lesson = try! BundledLessons.standard.lesson()

  /// A one-chapter lesson of two words (linear, hidden `hidden`) with these questions.
  static func lesson(hidden: Int = 1, questions: String) throws -> Lesson {
    try LessonParser.parse(
      """
      title: Questions
      chapters:
        - title: Two words
          variant: linear
          inputs: 3
          hidden: \(hidden)
          sentence: the dog
          random:
            - seed: 7
              draws:
                - h_0 = torch.randn(1, \(hidden))
                - E = torch.randn(2, 3)
                - w_h = torch.randn(\(hidden), \(hidden))
                - w_e = torch.randn(3, \(hidden))
          model:
            embedding: E
            h0: h_0
            w_h: w_h
            w_e: w_e
          questions:
      \(questions)
      """, file: "questions.yaml")
  }

  @Test func theBundledLessonAsksAtLeastThree() {
    let questions = Self.lesson.chapters.flatMap(\.questions)
    #expect(questions.count >= 3)
    // Both kinds, and each asked at a step that computes something.
    #expect(questions.contains { if case .number = $0.answer { true } else { false } })
    #expect(questions.contains { if case .choices = $0.answer { true } else { false } })
    #expect(questions.allSatisfy { $0.step > 0 })
  }

  /// Chapter 2's questions, against the values its trace prints (docs: h_1·w_h =
  /// 0.3198, z_2 = -0.4856, h_2·w_h = 0.1038, e_3·w_e = 1.2453).
  @Test func chapterTwoIsAnsweredFromItsRun() throws {
    let run = Self.lesson.chapters[1].run()
    let questions = run.chapter.questions
    let product = try #require(questions.first { $0.step == 8 })
    guard case .number(let expression) = product.answer else {
      Issue.record("step 8 asks for a number")
      return
    }
    #expect(expression.source == "h_1 * w_h")
    #expect(abs(run.value(of: expression) - 0.3198) < 0.0001)
    // The same product the trace computes, to float precision.
    let traced = run.trace.events[7].result.value.scalars[0]
    #expect(Float(run.value(of: expression)) == traced)

    let sign = try #require(questions.first { $0.step == 9 })
    guard case .choices(let choices) = sign.answer else {
      Issue.record("step 9 asks for a choice")
      return
    }
    #expect(choices.map { run.text(of: $0.text) } == ["positive", "negative"])
    #expect(run.answer(of: choices) == 1)
    #expect(run.evidence(for: choices) == "z_2 = -0.4856")
    #expect(run.text(of: sign.prompt).contains("h_1·w_h = 0.3198"))

    let weight = try #require(questions.first { $0.step == 13 })
    guard case .choices(let terms) = weight.answer else {
      Issue.record("step 13 asks for a choice")
      return
    }
    #expect(run.answer(of: terms) == 1)
    #expect(run.evidence(for: terms) == "|h_2 * w_h| = 0.1038, |e_3·w_e| = 1.2453")
  }

  /// Chapter 3's tanh of a large sum, and chapter 5's two neurons (an index).
  @Test func tanhQuestionsFollowTheValues() throws {
    let three = Self.lesson.chapters[2].run()
    let tanh = try #require(three.chapter.questions.first)
    guard case .choices(let choices) = tanh.answer else { return }
    #expect(three.answer(of: choices) == choices.count - 1)
    let five = Self.lesson.chapters[4].run()
    let neurons = try #require(five.chapter.questions.first)
    guard case .choices(let which) = neurons.answer else { return }
    #expect(five.answer(of: which) == 0)
  }

  @Test func expressionsCombineIndexAndFunctions() throws {
    let lesson = try Self.lesson(
      hidden: 2,
      questions: """
            - at: {t: 2, operation: add}
              ask: What is it?
              answer: "-|h_1[1]| + tanh(step(7)[0]) * 2 / (1 + w_h[1, 0]) - result[0]"
        """)
    let run = lesson.chapters[0].run()
    guard case .number(let expression) = run.chapter.questions[0].answer else { return }
    let h1 = Double(run.trace.events[4].result.value.scalars[1])
    let step7 = Double(run.trace.events[6].result.value.scalars[0])
    let w = Double(lesson.chapters[0].tensors().first { $0.name == "w_h" }!.value.scalars[2])
    let result = Double(run.trace.events[8].result.value.scalars[0])
    let expected = -abs(h1) + Foundation_tanh(step7) * 2 / (1 + w) - result
    #expect(abs(run.value(of: expression) - expected) < 1e-12)
  }

  @Test func aMatrixNeedsTwoIndices() {
    #expect {
      try Self.lesson(
        hidden: 2,
        questions: """
              - at: {t: 1, operation: add}
                ask: What is it?
                answer: w_h[3]
          """)
    } throws: { error in
      (error as? LessonError)?.message
        == "`w_h[3]` indexes a 2×2 matrix with one number; expected `w_h[i, j]` with i from 0"
        + " to 1 and j from 0 to 1"
    }
  }

  @Test func aQuestionAtTheStartIsRefused() {
    #expect {
      try Self.lesson(
        questions: """
              - at: start
                ask: What is it?
                answer: h_0
          """)
    } throws: { error in
      (error as? LessonError)?.found == "a question at `start`"
    }
  }
}

#if canImport(Glibc)
  import Glibc
  private func Foundation_tanh(_ x: Double) -> Double { Glibc.tanh(x) }
#endif

extension LessonQuestionTests {
  /// docs/lessons.md's `questions:` example, added to its example lesson, parses and asks
  /// what it says.
  @Test func theDocumentedExampleParses() throws {
    let blocks = LessonDocsTests.docs.components(separatedBy: "```yaml\n").dropFirst()
      .map { $0.components(separatedBy: "```")[0] }
    let example = try #require(blocks.first { $0.hasPrefix("title:") })
    let questions = try #require(blocks.first { $0.hasPrefix("    questions:") })
    let lesson = try LessonParser.parse(example + questions, file: "docs/lessons.md")
    let asked = lesson.chapters[0].questions
    #expect(asked.map(\.step) == [8, 9, 13])
    let run = lesson.chapters[0].run()
    guard case .choices(let choices) = asked[1].answer else { return }
    let z2 = run.trace.events[8].result.value.scalars[0]
    #expect(run.answer(of: choices) == (z2 > 0 ? 0 : 1))
  }
}
