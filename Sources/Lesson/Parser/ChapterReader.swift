import Model
import Yams

/// Reads and checks one chapter: every key, every name, every shape, every anchor and
/// placeholder, before anything is drawn.
struct ChapterReader {
  static let keys = [
    "title", "narrative", "variant", "inputs", "hidden", "sentence", "vocabulary", "random",
    "literals", "model", "code", "summary", "loss", "lr", "steps", "questions",
  ]

  let source: SourceText
  /// From 1, as messages count.
  let number: Int
  /// The chapters before this one, whose streams a draw group may continue.
  var earlier: [Chapter] = []
  var owner: String { "chapter \(number)" }

  /// What the reader has learnt of the chapter, for the checks of later keys.
  struct Facts {
    var variant: Variant
    var inputs: Int
    var hidden: Int
    var words: [String]
    var vocabulary: [String]
    var sentence: Field
    var vocabularyField: Field?
    var names = TensorNames()
  }

  func read(_ node: Node) throws(LessonError) -> Chapter {
    let fields = try Fields(node, owner: owner, allowed: Self.keys, source: source)
    let title = try source.text(
      try fields.required("title", "the chapter's title", source: source))
    let variant = try readVariant(
      try fields.required("variant", Variant.listing, source: source))
    let sizes = 1...ModelLimits.maxDimension
    let inputs = try source.wholeNumber(
      try fields.required("inputs", "the size of e_t, e.g. `inputs: 4`", source: source), in: sizes)
    let hidden = try source.wholeNumber(
      try fields.required("hidden", "the size of h_t, e.g. `hidden: 1`", source: source),
      in: sizes)
    let sentence = try fields.required(
      "sentence", "the words the model reads, e.g. `sentence: the dog jumped over a`",
      source: source)
    let words = try readWords(sentence)
    let vocabulary = try readVocabulary(fields["vocabulary"], words: words, sentence: sentence)
    var facts = Facts(
      variant: variant, inputs: inputs, hidden: hidden, words: words, vocabulary: vocabulary,
      sentence: sentence, vocabularyField: fields["vocabulary"])
    let parameters = ModelSpec.parameterCount(
      variant: variant, vocabulary: vocabulary.count, inputs: inputs, hidden: hidden)
    if parameters > ModelLimits.maxParameters {
      let field = fields["hidden"]!
      throw source.error(
        at: field.mark,
        "a model of \(count(vocabulary.count, "word")), inputs \(inputs) and hidden \(hidden) would hold"
          + " \(parameters) numbers",
        expected: "at most \(ModelLimits.maxParameters) (smaller sizes)")
    }
    let random = try readRandom(fields["random"], names: &facts.names)
    let literals = try readLiterals(fields["literals"], names: &facts.names)
    let model = try readModel(
      try fields.required(
        "model", "the tensors of the model, e.g. `embedding: E.T`", source: source),
      facts: facts)
    let loss = try readLoss(fields, facts: facts, hasDraws: !random.isEmpty)
    let outline = Outline(variant: variant, vocabulary: vocabulary, words: words, loss: loss)
    let narrative = try readNarrative(fields["narrative"], outline: outline, facts: facts)
    let code = try readCode(fields["code"], outline: outline, facts: facts)
    let summary = try readSummary(fields["summary"], outline: outline, facts: facts)
    var chapter = Chapter(
      title: title, narrative: narrative, inputs: inputs, hidden: hidden, words: words,
      vocabulary: vocabulary, random: random, literals: literals, embedding: model.embedding,
      h0: model.h0, cell: model.cell, stepCount: outline.events.count, code: code,
      summary: summary, loss: loss)
    chapter.questions = try readQuestions(fields["questions"], outline: outline, facts: facts)
    return chapter
  }

  private func readVariant(_ field: Field) throws(LessonError) -> Variant {
    let names = Variant.allCases.map(\.rawValue)
    let expected = "one of: \(names.joined(separator: ", "))"
    guard case .scalar(let scalar) = field.value, let variant = Variant(rawValue: scalar.string)
    else {
      var hint = expected
      if case .scalar(let scalar) = field.value, let near = nearest(scalar.string, in: names) {
        hint += " (did you mean `\(near)`?)"
      }
      throw source.error(
        at: field.mark, "`variant` is \(describe(field.value))", expected: hint)
    }
    return variant
  }

  private func readWords(_ field: Field) throws(LessonError) -> [String] {
    let text = try source.text(field, "the words the model reads, separated by spaces")
    var words: [String] = []
    var word = ""
    // Refused at the first word past the limit, not after splitting the whole text.
    for character in text + " " {
      guard character.isWhitespace else {
        word.append(character)
        continue
      }
      guard !word.isEmpty else { continue }
      guard words.count < LessonLimits.maxWords else {
        throw source.error(
          at: source.locateWord(words.count, in: field.value),
          "the sentence has more than \(LessonLimits.maxWords) words",
          expected: "at most \(LessonLimits.maxWords)")
      }
      words.append(word)
      word = ""
    }
    return words
  }

  /// The explicit vocabulary, or the sentence's distinct words in order of appearance.
  private func readVocabulary(_ field: Field?, words: [String], sentence: Field)
    throws(LessonError) -> [String]
  {
    guard let field else {
      var seen = Set<String>()
      return words.filter { seen.insert($0).inserted }
    }
    let expected = "a list of words, one per row of the embedding table"
    let items = try source.list(field, expected)
    var vocabulary: [String] = []
    var known = Set<String>()
    for item in items {
      // Refused at the first entry past the limit, before any more work.
      guard vocabulary.count < LessonLimits.maxWords else {
        throw source.error(
          at: item.position, "the vocabulary has more than \(LessonLimits.maxWords) words",
          expected: "at most \(LessonLimits.maxWords)")
      }
      guard case .scalar(let scalar) = item, item.kind != .null,
        !scalar.string.isEmpty, !scalar.string.contains(where: \.isWhitespace)
      else {
        throw source.error(
          at: item.position, "a vocabulary entry is \(describe(item))",
          expected: "one word without spaces")
      }
      try source.checkPrintable(scalar.string, in: item, what: "the vocabulary")
      if !known.insert(scalar.string).inserted {
        throw source.error(
          at: item.position, "the word `\(scalar.string)` is in the vocabulary twice",
          expected: "each word once (a word has one row of the embedding)")
      }
      vocabulary.append(scalar.string)
    }
    for (i, word) in words.enumerated() where !known.contains(word) {
      throw source.error(
        at: source.locateWord(i, in: sentence.value),
        "the word `\(word)` has no embedding: it is not in the vocabulary",
        expected: "a word of the vocabulary (\(vocabulary.joined(separator: ", ")))")
    }
    return vocabulary
  }

  private func readRandom(_ field: Field?, names: inout TensorNames) throws(LessonError)
    -> [SeededDraws]
  {
    guard let field else { return [] }
    let groups = try source.list(
      field, "a list of groups, each `- seed: N` with `draws:` under it")
    var result: [SeededDraws] = []
    var drawn = 0
    for (g, group) in groups.enumerated() {
      let fields = try Fields(
        group, owner: "draw group \(g + 1) of \(owner)", allowed: ["seed", "continue", "draws"],
        source: source)
      let start = try readGroupStart(fields)
      let drawsField = try fields.required(
        "draws", "a list of draws such as `- E = torch.randn(4, 5)`", source: source)
      // Going on from another chapter's stream makes its draws again: they count.
      drawn += start.replayed.reduce(0) { $0 + $1.count }
      if drawn > LessonLimits.maxDrawnNumbers, let field = fields["continue"] {
        throw source.error(
          at: field.mark, "`continue` brings the chapter's draws to \(drawn) numbers",
          expected: "at most \(LessonLimits.maxDrawnNumbers) numbers drawn in one chapter")
      }
      var draws: [TensorDraw] = []
      for item in try source.list(drawsField, "a list of draws such as `- E = torch.randn(4, 5)`") {
        guard case .scalar(let scalar) = item, item.kind != .null else {
          throw source.error(
            at: item.position, "a draw is \(describe(item))", expected: DrawParser.forms)
        }
        let parsed: (draw: TensorDraw, nameOffset: Int?)
        do {
          parsed = try DrawParser.parse(scalar.string)
        } catch {
          throw source.error(
            at: source.mark(at: error.offset, in: item), error.found, expected: error.expected)
        }
        let nameMark = source.mark(at: parsed.nameOffset ?? 0, in: item)
        if let name = parsed.draw.name {
          try checkNew(name, at: nameMark, names: names)
        }
        drawn += parsed.draw.count
        if drawn > LessonLimits.maxDrawnNumbers {
          throw source.error(
            at: item.position,
            "`\(scalar.string)` brings the chapter's draws to \(drawn) numbers",
            expected: "at most \(LessonLimits.maxDrawnNumbers) numbers drawn in one chapter")
        }
        names.define(parsed.draw, mark: nameMark)
        draws.append(parsed.draw)
      }
      result.append(
        SeededDraws(
          seed: start.seed, replayed: start.replayed, continuedChapter: start.continuedChapter,
          draws: draws))
    }
    return result
  }

  /// Where a draw group's generator starts: `seed: N`, a fresh `torch.manual_seed(N)`, or
  /// `continue: N`, the stream as chapter N's last draw group left it (as an empty group).
  private func readGroupStart(_ fields: Fields) throws(LessonError) -> SeededDraws {
    guard let field = fields["continue"] else {
      let seed = try source.seed(
        try fields.required(
          "seed",
          "the number given to torch.manual_seed (or `continue: N` to go on from chapter N's"
            + " stream)", source: source))
      return SeededDraws(seed: seed, draws: [])
    }
    if let seedField = fields["seed"] {
      throw source.error(
        at: seedField.mark, "\(fields.owner) has both `seed` and `continue`",
        expected: "one of them: `seed: N` seeds a fresh generator, `continue: N` goes on from"
          + " chapter N's stream")
    }
    guard number > 1 else {
      throw source.error(
        at: field.mark, "`continue` in chapter 1, which has no chapter before it",
        expected: "`seed: N` (a chapter continues the stream of an earlier chapter)")
    }
    let chapter = try source.wholeNumber(field, in: 1...LessonLimits.maxChapters)
    guard chapter < number else {
      throw source.error(
        at: field.mark, "`continue: \(chapter)` in chapter \(number)",
        expected: "an earlier chapter, from 1 to \(number - 1): a stream goes on from one"
          + " drawn before it")
    }
    guard let last = earlier[chapter - 1].random.last else {
      throw source.error(
        at: field.mark, "`continue: \(chapter)` names chapter \(chapter), which draws nothing",
        expected: "an earlier chapter with a `random:` list")
    }
    return SeededDraws(continuing: last, chapter: chapter, draws: [])
  }

  private func readLiterals(_ field: Field?, names: inout TensorNames) throws(LessonError)
    -> [NamedTensor]
  {
    guard let field else { return [] }
    guard case .mapping(let mapping) = field.value else {
      throw source.error(
        at: field.mark, "`literals` is \(describe(field.value))",
        expected: "a mapping of names to numbers, e.g. `h_0: [[0.5]]`")
    }
    var result: [NamedTensor] = []
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key, isIdentifier(scalar.string) else {
        throw source.error(
          at: key.position, "the literal name \(describe(key))",
          expected: "a name of letters, digits and `_`, starting with a letter")
      }
      try checkNew(scalar.string, at: key.position, names: names)
      let tensor = try readNumbers(value, named: "`\(scalar.string)`")
      names.define(scalar.string, shape: Array(tensor.shape), mark: key.position)
      result.append(NamedTensor(scalar.string, tensor))
    }
    return result
  }

  private func checkNew(_ name: String, at mark: Position?, names: TensorNames) throws(LessonError)
  {
    if let earlier = names[name] {
      let place = earlier.mark.map { " at \($0.line):\($0.column)" } ?? ""
      throw source.error(
        at: mark, "`\(name)` is defined twice in \(owner) (first\(place))",
        expected: "each name defined once")
    }
  }
}
