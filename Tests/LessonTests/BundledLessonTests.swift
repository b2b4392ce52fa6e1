import Testing

@testable import Lesson
@testable import Model

/// The bundled lesson parses and has the shape it is written for: six chapters, each
/// with the variant, sizes, sentence and seeds of the lesson it retells.
struct BundledLessonTests {
  let lesson: Lesson

  init() throws {
    lesson = try BundledLessons.standard.lesson()
  }

  @Test func isCatalogued() {
    #expect(BundledLessons.all.map(\.name) == ["rnn-pytorch", "rnn-learning"])
    #expect(BundledLessons.named("rnn-pytorch")?.fileName == "lessons/rnn-pytorch.yaml")
    #expect(BundledLessons.named("nothing") == nil)
    #expect(lesson.title == "RNN Pytorch, one operation at a time")
    #expect(lesson.summary?.isEmpty == false)
  }

  @Test func hasTheSixChaptersOfTheLesson() {
    let chapters = lesson.chapters
    #expect(chapters.count == 6)
    #expect(
      chapters.map(\.variant) == [.linear, .linear, .rawTanh, .linearTanh, .linearTanh, .torchRNN])
    #expect(chapters.map(\.inputs) == [4, 4, 4, 4, 4, 4])
    #expect(chapters.map(\.hidden) == [1, 1, 1, 1, 2, 2])
    #expect(chapters[0].words == ["dog"])
    let sentence = ["the", "dog", "jumped", "over", "a"]
    for chapter in chapters.dropFirst() {
      #expect(chapter.words == sentence)
      #expect(chapter.vocabulary == sentence)
      #expect(chapter.embedding == .named("E", transposed: true))
    }
    #expect(chapters[0].embedding == .named("e_1", transposed: true))
  }

  @Test func drawsInTheLessonsOrder() {
    let first = lesson.chapters[0].random
    #expect(first.map(\.seed) == [15, 13, 12])
    #expect(
      first.flatMap { $0.draws.map(\.code) } == [
        "e_1 = torch.randn(4, 1)", "h_0 = torch.randn(1, 1)", "w_h = torch.randn(1, 1)",
        "w_e = torch.randn(4, 1)",
      ])
    // E is the second 4×5 draw after h_0 (docs/pytorch-numbers.md#lesson-numbers).
    let second = lesson.chapters[1].random
    #expect(second[0].seed == 13)
    #expect(
      second[0].draws.map(\.code) == [
        "h_0 = torch.randn(1, 1)", "torch.randn(4, 5)", "E = torch.randn(4, 5)",
      ])
    #expect(lesson.chapters[2].random.map(\.seed) == [13, 3])
    // The page's class runs: seed 12's stream after w_h, w_e and the 110 words of the
    // cells it no longer shows (`docs/pytorch-numbers.md#lesson-numbers`), then RNN(4, 1) …
    #expect(lesson.chapters[3].random.map(\.seed) == [13, 12])
    #expect(
      lesson.chapters[3].random[1].draws.map(\.code) == [
        "w_h = torch.randn(1, 1)", "w_e = torch.randn(4, 1)", "torch.randn(1)",
        "torch.rand(110)", "h_0 = torch.randn(1, 1)", "We = nn.Linear(4, 1)",
        "Wh = nn.Linear(1, 1)",
      ])
    // … and RNN(4, 2) from the same stream, right after.
    let continued = lesson.chapters[4].random[1]
    #expect(continued.continuedChapter == 4)
    #expect(continued.seed == 12)
    #expect(
      continued.replayed.map(\.code) == [
        "torch.randn(1, 1)", "torch.randn(4, 1)", "torch.randn(1)", "torch.rand(110)",
        "torch.randn(1, 1)", "nn.Linear(4, 1)", "nn.Linear(1, 1)",
      ])
    #expect(
      continued.draws.map(\.code) == [
        "h_0 = torch.randn(1, 2)", "We = nn.Linear(4, 2)", "Wh = nn.Linear(2, 2)",
      ])
  }

  @Test func statesTheChosenSeedsAndPointsOutTheSlips() {
    func text(_ chapter: Int) -> String {
      lesson.chapters[chapter].narrative.map(\.text.source).joined(separator: "\n")
    }
    #expect(text(0).contains("h0 is not defined"))
    #expect(text(1).contains("second 4×5 draw after h_0"))
    #expect(text(2).contains("torch.manual_seed(3)"))
    #expect(text(2).contains("tanh"))
    #expect(text(3).contains("110 more 32-bit words"))
    #expect(text(3).contains("In [145]") && text(3).contains("In [84]"))
    #expect(text(3).contains("unknown"))
    #expect(text(4).contains("continue: 4"))
    #expect(!text(3).contains("cannot be reproduced") && !text(4).contains("manual_seed(5)"))
  }

  @Test func anchorsFollowTheTrace() {
    let first = lesson.chapters[0]
    // linear: embedding, matmul_input, matmul_hidden, add, hidden_state.
    #expect(first.stepCount == 5)
    let narrative = first.narrativeByStep
    #expect(narrative.map(\.step) == [0, 1, 2, 3, 4, 5])
    #expect(narrative.map(\.paragraphs.count).first == 3)
    #expect(narrative.map(\.paragraphs.count).last == 2)
    #expect(lesson.chapters[1].stepCount == 25)
    #expect(lesson.chapters[2].stepCount == 35)
    #expect(lesson.chapters[3].stepCount == 40)
    #expect(lesson.chapters[1].narrative.last?.anchor == .end)
    #expect(lesson.chapters[1].narrative.last?.step == 25)
  }
}
