import Lesson
import Model
import Testing

/// A what-if's run of a lesson's chapter: the lesson's own tensors take the edits where
/// the model reads them, so the text's `{E}`, `{w_h}` and `{h_1}` are the edited run's.
@Suite struct EditedChapterTraceTests {
  @Test func theLessonsTensorsTakeTheEditsWhereTheModelReadsThem() throws {
    let lesson = try BundledLessons.standard.lesson()
    // Chapter 2: `embedding: E.T`, `w_h: w_h`.
    let chapter = lesson.chapters[1]
    let run = chapter.run()
    let edits: [ParameterEdit] = [
      ParameterEdit(name: "embedding.weight", index: [1, 2], value: 2.5),
      ParameterEdit(name: "w_h", index: [0, 0], value: 1.5),
    ]
    let (model, applied) = try run.trace.model.applying(edits)
    let edited = run.edited(trace: model.trace(chapter.words), applied: applied)
    let e = try #require(edited.tensors.first { $0.name == "E" }).value
    let before = try #require(run.tensors.first { $0.name == "E" }).value
    // E.T[1, 2] is E[2, 1]; nothing else of E moved.
    #expect(e.scalars[2 * e.columns + 1] == 2.5)
    let moved = zip(e.scalars, before.scalars).filter { $0 != $1 }.count
    #expect(moved == 1)
    #expect(try #require(edited.tensors.first { $0.name == "w_h" }).value.scalars == [1.5])
    // The text: w_h and h_1 as the edited run has them.
    let texts = edited.narrativeByStep().values.flatMap { $0 }.joined(separator: " ")
    #expect(texts.contains("w_h = 1.5000"))
    let h1 = model.trace(chapter.words).hiddenStates[1].scalars[0]
    #expect(texts.contains(ValueFormat().prose(Tensor(shape: [1, 1], scalars: [h1]))))
    let original = run.narrativeByStep().values.flatMap { $0 }.joined(separator: " ")
    #expect(!original.contains("w_h = 1.5000"))
  }
}
