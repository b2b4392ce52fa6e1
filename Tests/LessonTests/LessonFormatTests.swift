import Testing

@testable import Lesson
@testable import Model

/// The lesson format's pieces on small chapters whose numbers can be worked by hand.
struct LessonFormatTests {
  /// One word, written-out tensors: e·w_e = 1·0.5 + 2·0.25 = 1, h_0·w_h = 2·0.5 = 1,
  /// so h_1 = 2, exactly, in float32.
  static let literal = """
    title: Worked by hand
    chapters:
      - title: One step
        variant: linear
        inputs: 2
        hidden: 1
        sentence: dog
        literals:
          e: [[1, 2]]
          start: [[2]]
          wh: [[0.5]]
          we: [[0.5], [0.25]]
        model:
          embedding: e
          h0: start
          w_h: wh
          w_e: we
        narrative:
          - Before anything, e.T is {e.T} and w_h is {w_h}; {{braces}} stay.
          - at: {t: 1, operation: add}
            text: The sum, {result}, is z_1 = {z_1}.
          - And this one follows the sum too.
          - at: {step: 2}
            text: Step 2 made {step 2}.
          - at: end
            text: h_1 = {h_1}, from h_0 = {h_0}.
    """

  @Test func buildsTheModelFromLiterals() throws {
    let lesson = try LessonParser.parse(Self.literal, file: "hand.yaml")
    let chapter = try #require(lesson.chapters.first)
    #expect(chapter.random.isEmpty)
    #expect(chapter.literals.map(\.name) == ["e", "start", "wh", "we"])
    let model = chapter.makeModel()
    #expect(model.vocabulary == ["dog"])
    #expect(model.hiddenStates(for: ["dog"]).map(\.scalars) == [[2], [2]])
  }

  @Test func anchorsResolveToSteps() throws {
    let chapter = try LessonParser.parse(Self.literal, file: "hand.yaml").chapters[0]
    // linear: 1 embedding, 2 matmul_input, 3 matmul_hidden, 4 add, 5 hidden_state.
    #expect(chapter.narrative.map(\.step) == [0, 4, 4, 2, 5])
    #expect(
      chapter.narrative.map(\.anchor) == [
        .start, .time(1, operation: .add), .time(1, operation: .add), .step(2), .end,
      ])
    #expect(chapter.narrativeByStep.map(\.step) == [0, 2, 4, 5])
    #expect(chapter.narrativeByStep.map(\.paragraphs.count) == [1, 1, 2, 1])
  }

  @Test func fillsInLiveValues() throws {
    let chapter = try LessonParser.parse(Self.literal, file: "hand.yaml").chapters[0]
    let run = chapter.run()
    let texts = chapter.narrative.map { run.text(of: $0) }
    #expect(
      texts == [
        "Before anything, e.T is [[1.0000], [2.0000]] and w_h is 0.5000; {braces} stay.",
        "The sum, 2.0000, is z_1 = 2.0000.",
        "And this one follows the sum too.",
        "Step 2 made 1.0000.",
        "h_1 = 2.0000, from h_0 = 2.0000.",
      ])
  }

  @Test func resolvesNamesToTheChapterFirstThenTheTrace() throws {
    let chapter = try LessonParser.parse(Self.literal, file: "hand.yaml").chapters[0]
    let values = chapter.narrative[0].text.segments.compactMap { segment -> ValueReference? in
      if case .value(let reference, _) = segment { return reference }
      return nil
    }
    // `e` is the chapter's; `w_h` is only the trace's name for `wh`: an operand of
    // step 3 (h_0·w_h), second position.
    #expect(values == [.tensor("e", transposed: true), .operand(step: 3, index: 1)])
    #expect(chapter.narrative[0].text.source.hasSuffix("{{braces}} stay."))
  }

  @Test func linearLayersWrittenOut() throws {
    let text = """
      title: Layers by hand
      chapters:
        - title: One word
          variant: linear-tanh
          inputs: 2
          hidden: 1
          sentence: a
          model:
            embedding: [[1, 2]]
            h0: [[0]]
            We: {weight: [[0.5, 0.25]], bias: [0]}
            Wh: {weight: [[1]], bias: [0]}
      """
    let chapter = try LessonParser.parse(text, file: "layers.yaml").chapters[0]
    #expect(chapter.variant == .linearTanh)
    let states = chapter.makeModel().hiddenStates(for: ["a"])
    // tanh(0·1 + 0 + (1·0.5 + 2·0.25) + 0) = tanh(1).
    #expect(states[1].scalars == [Tensor(shape: [1], scalars: [1]).tanh().scalars[0]])
  }

  @Test func drawsInOrderIncludingDiscardedOnes() throws {
    let text = """
      title: Draws
      chapters:
        - title: Order
          variant: linear-tanh
          inputs: 3
          hidden: 2
          sentence: a b
          vocabulary: [b, a]
          random:
            - seed: 7
              draws:
                - nn.Linear(4, 1)
                - emb = nn.Embedding(2, 3)
                - torch.randn(5)
                - h = randn(1, 2)
                - We = torch.nn.Linear(3, 2)
                - Wh = nn.Linear(2, 2, bias=True)
                - nn.Linear(2, 2, bias=False)
          model:
            embedding: emb.weight
            h0: h
            We: We
            Wh: Wh
      """
    let chapter = try LessonParser.parse(text, file: "draws.yaml").chapters[0]
    #expect(chapter.vocabulary == ["b", "a"])
    #expect(
      chapter.random[0].draws.map(\.code) == [
        "nn.Linear(4, 1)", "emb = nn.Embedding(2, 3)", "torch.randn(5)",
        "h = torch.randn(1, 2)", "We = nn.Linear(3, 2)", "Wh = nn.Linear(2, 2)",
        "nn.Linear(2, 2, bias=False)",
      ])
    // The same calls made directly on a generator.
    var rng = TorchGenerator(seed: 7)
    _ = rng.linear(inFeatures: 4, outFeatures: 1)
    let emb = rng.embedding(count: 2, dimension: 3)
    _ = rng.randn([5])
    let h = rng.randn([1, 2])
    let we = rng.linear(inFeatures: 3, outFeatures: 2)
    let wh = rng.linear(inFeatures: 2, outFeatures: 2)
    let named = chapter.tensors()
    #expect(
      named.map(\.name) == [
        "emb.weight", "h", "We.weight", "We.bias", "Wh.weight", "Wh.bias",
      ])
    #expect(
      named.map(\.value) == [emb, h, we.weight, we.bias!, wh.weight, wh.bias!])
  }

  @Test func refusesControlCharacters() {
    let text = "title: \"A \\e[2J lesson\"\nchapters: []\n"
    #expect(throws: LessonError.self) { try LessonParser.parse(text, file: "c.yaml") }
    do {
      _ = try LessonParser.parse(text, file: "c.yaml")
    } catch {
      #expect(
        error.description
          == "c.yaml:1:8: a control character (U+001B) in `title`; expected printable text"
          + " (control characters could take over the terminal)")
    }
  }
}

extension LessonFormatTests {
  /// libyaml stops at 1000 levels, so a hostile file cannot exhaust the stack of Yams'
  /// recursive composer.
  @Test func refusesDeepNesting() {
    let depth = 10_000
    let text =
      "title: x\nchapters: " + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "\n"
    #expect(throws: LessonError.self) { try LessonParser.parse(text, file: "deep.yaml") }
    do {
      _ = try LessonParser.parse(text, file: "deep.yaml")
    } catch {
      #expect(error.found == "lists or mappings nested too deep for libyaml")
      #expect(error.line == 2)
    }
  }
}
