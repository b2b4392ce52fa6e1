import Model
import Yams

/// The `questions:` list: at a step, a question and its answer, an expression of the
/// trace's values (`answer:`) or a few choices (`choices:`), each but the last with the
/// condition (`when:`) under which it is the answer.
extension ChapterReader {
  static let questionForm =
    "a list of questions, each `- at: ANCHOR` with `ask:` (the question) and `answer:` (an"
    + " expression of the trace's values) or `choices:`"
  static let maxChoices = 9

  func readQuestions(_ field: Field?, outline: Outline, facts: Facts) throws(LessonError)
    -> [LessonQuestion]
  {
    guard let field else { return [] }
    let items = try source.list(field, Self.questionForm)
    let shapes = TraceShapes(facts: facts, variant: outline.variant)
    var asked: [Int: Position?] = [:]
    var questions: [LessonQuestion] = []
    for (i, item) in items.enumerated() {
      let fields = try Fields(
        item, owner: "question \(i + 1) of \(owner)", allowed: ["at", "ask", "answer", "choices"],
        source: source)
      let at = try fields.required(
        "at", "the step it is asked at, e.g. `at: {t: 2, operation: add}`", source: source)
      let (anchor, step) = try readAnchor(at, outline: outline, words: facts.words.count)
      guard step > 0 else {
        throw source.error(
          at: at.mark, "a question at `start`",
          expected: "a step of the trace: a question is asked before its step's result shows")
      }
      if let first = asked[step] {
        let place = first.map { " (the first at \($0.line):\($0.column))" } ?? ""
        throw source.error(
          at: at.mark, "a second question at step \(step)\(place)",
          expected: "one question per step")
      }
      asked[step] = at.mark
      let askField = try fields.required("ask", "the question's text", source: source)
      let prompt = try readQuestionText(askField.value, what: "`ask`", step: step, outline, facts)
      let answer: LessonQuestion.Answer
      switch (fields["answer"], fields["choices"]) {
      case (let answerField?, nil):
        answer = .number(try readAnswer(answerField, step: step, outline, facts, shapes))
      case (nil, let choicesField?):
        answer = .choices(try readChoices(choicesField, step: step, outline, facts, shapes))
      default:
        throw source.error(
          at: item.position,
          "question \(i + 1) of \(owner) has "
            + (fields["answer"] == nil
              ? "neither `answer` nor `choices`" : "both `answer` and `choices`"),
          expected: "exactly one: `answer:` with an expression of the trace's values, or"
            + " `choices:`")
      }
      questions.append(LessonQuestion(step: step, anchor: anchor, prompt: prompt, answer: answer))
    }
    return questions
  }

  private func readQuestionText(
    _ node: Node, what: String, step: Int, _ outline: Outline, _ facts: Facts
  ) throws(LessonError) -> NarrativeText {
    guard case .scalar(let scalar) = node, node.kind != .null,
      !scalar.string.trimmingSpaces.isEmpty
    else {
      throw source.error(at: node.position, "\(what) is \(describe(node))", expected: "text")
    }
    try source.checkPrintable(scalar.string, in: node, what: what)
    return try readTemplate(
      scalar.string, node: node, step: step, outline: outline, names: facts.names,
      words: facts.words.count)
  }

  private func readAnswer(
    _ field: Field, step: Int, _ outline: Outline, _ facts: Facts, _ shapes: TraceShapes
  ) throws(LessonError) -> QuestionExpression {
    let text = try expressionText(field.value, what: "`answer`")
    var parser = QuestionExpressionParser(text) {
      (reference) throws(QuestionExpressionParser.Failure) in
      try resolveQuestionValue(
        reference, step: step, outline: outline, facts: facts, shapes: shapes)
    }
    let expression: QuestionExpression
    do {
      expression = try parser.expression()
    } catch {
      throw source.error(
        at: source.mark(at: error.offset, in: field.value), error.found, expected: error.expected)
    }
    guard parser.valueCount > 0 else {
      throw source.error(
        at: field.mark, "`answer: \(text)` is a number typed in",
        expected: "an expression of the trace's values, e.g. `h_1 * w_h`: an answer is computed"
          + " from the trace, never typed")
    }
    return expression
  }

  private func readChoices(
    _ field: Field, step: Int, _ outline: Outline, _ facts: Facts, _ shapes: TraceShapes
  ) throws(LessonError) -> [QuestionChoice] {
    let form =
      "a list of 2 to \(Self.maxChoices) choices, each `- text: …` with `when: CONDITION`,"
      + " the last with `text:` alone"
    let items = try source.list(field, form)
    guard (2...Self.maxChoices).contains(items.count) else {
      throw source.error(
        at: field.mark, "`choices` has \(count(items.count, "choice"))", expected: form)
    }
    var choices: [QuestionChoice] = []
    for (k, item) in items.enumerated() {
      let isLast = k == items.count - 1
      let fields = try Fields(
        item, owner: "choice \(k + 1)", allowed: ["text", "when"], source: source)
      let textField = try fields.required("text", "the choice's text", source: source)
      let text = try readQuestionText(
        textField.value, what: "a choice's `text`", step: step, outline, facts)
      switch (fields["when"], isLast) {
      case (nil, true):
        choices.append(QuestionChoice(text: text, condition: nil))
      case (nil, false):
        throw source.error(
          at: item.position, "choice \(k + 1) of \(items.count) has no `when`",
          expected: "`when: CONDITION` (e.g. `when: z_2 > 0`) on every choice but the last,"
            + " which is the answer when no condition before it holds")
      case (let when?, true):
        throw source.error(
          at: when.keyNode.position, "the last choice has a `when`",
          expected: "the last choice without `when`: it is the answer when no condition"
            + " before it holds, so that every run has one")
      case (let when?, false):
        let written = try expressionText(when.value, what: "`when`")
        var parser = QuestionExpressionParser(written) {
          (reference) throws(QuestionExpressionParser.Failure) in
          try resolveQuestionValue(
            reference, step: step, outline: outline, facts: facts, shapes: shapes)
        }
        let condition: QuestionCondition
        do {
          condition = try parser.condition()
        } catch {
          throw source.error(
            at: source.mark(at: error.offset, in: when.value), error.found,
            expected: error.expected)
        }
        choices.append(QuestionChoice(text: text, condition: condition))
      }
    }
    return choices
  }

  private func expressionText(_ node: Node, what: String) throws(LessonError) -> String {
    guard case .scalar(let scalar) = node, node.kind != .null,
      !scalar.string.trimmingSpaces.isEmpty
    else {
      throw source.error(
        at: node.position, "\(what) is \(describe(node))",
        expected: QuestionExpressionParser.forms)
    }
    try source.checkPrintable(scalar.string, in: node, what: what)
    return scalar.string
  }

  /// A name of an expression as a value of the chapter and the element it reads.
  private func resolveQuestionValue(
    _ reference: QuestionExpressionParser.Reference, step: Int, outline: Outline, facts: Facts,
    shapes: TraceShapes
  ) throws(QuestionExpressionParser.Failure) -> (ValueReference, element: Int) {
    let count = outline.events.count
    let value: ValueReference
    let shape: [Int]
    switch reference.kind {
    case .step(let n):
      guard (1...count).contains(n) else {
        throw QuestionExpressionParser.Failure(
          offset: reference.offset, found: "`step(\(n))` names a step this chapter does not have",
          expected: "`step(N)` with N from 1 to \(count)")
      }
      value = .result(step: n)
      shape = shapes.shape(of: value)
    case .name("result"):
      value = .result(step: step)
      shape = shapes.shape(of: value)
    case .name(let name):
      if let definition = facts.names[name], let defined = definition.shape {
        value = .tensor(name, transposed: false)
        shape = defined
      } else if let traced = outline.names[name] {
        value = traced
        shape = shapes.shape(of: traced)
      } else {
        let tensors =
          facts.names.tensorNames.isEmpty
          ? "" : "a tensor of the chapter (\(facts.names.listing)), "
        let words = facts.words.count
        throw QuestionExpressionParser.Failure(
          offset: reference.offset, found: "`\(name)` names no value of this chapter",
          expected: "\(tensors)a value of the trace (\(span("e", 1, words)),"
            + " \(span("z", 1, words)), \(span("h", 0, words)), or a result's name such as"
            + " e_1·w_e), `step(N)` with N from 1 to \(count), or `result`")
      }
    }
    return (value, try element(reference, shape: shape))
  }

  private func span(_ letter: String, _ first: Int, _ last: Int) -> String {
    first == last ? "\(letter)_\(first)" : "\(letter)_\(first)…\(letter)_\(last)"
  }

  /// The flat element an index reads: `[i]` of a vector, a row or a column, `[i, j]` of
  /// a matrix, nothing of a single number.
  private func element(_ reference: QuestionExpressionParser.Reference, shape: [Int])
    throws(QuestionExpressionParser.Failure) -> Int
  {
    let total = shape.reduce(1, *)
    let shapeText = shape.map(String.init).joined(separator: "×")
    let name = reference.text.prefix { $0 != "[" }
    let fail = { (found: String, expected: String) in
      QuestionExpressionParser.Failure(offset: reference.offset, found: found, expected: expected)
    }
    let isLine = shape.filter { $0 > 1 }.count <= 1
    switch reference.index.count {
    case 0:
      guard total == 1 else {
        throw fail(
          "`\(name)` holds \(total) numbers (\(shapeText))",
          isLine
            ? "one of them, `\(name)[i]` with i from 0 to \(total - 1)"
            : "one of them, `\(name)[i, j]` with i from 0 to \(shape[0] - 1) and j from 0 to"
              + " \(shape[1] - 1)")
      }
      return 0
    case 1:
      let i = reference.index[0]
      guard isLine else {
        throw fail(
          "`\(reference.text)` indexes a \(shapeText) matrix with one number",
          "`\(name)[i, j]` with i from 0 to \(shape[0] - 1) and j from 0 to \(shape[1] - 1)")
      }
      guard i < total else {
        throw fail(
          "`\(reference.text)` is past the end of `\(name)` (\(shapeText))",
          "`\(name)[i]` with i from 0 to \(total - 1)")
      }
      return i
    case 2 where shape.count == 2:
      let (i, j) = (reference.index[0], reference.index[1])
      guard i < shape[0], j < shape[1] else {
        throw fail(
          "`\(reference.text)` is outside `\(name)` (\(shapeText))",
          "`\(name)[i, j]` with i from 0 to \(shape[0] - 1) and j from 0 to \(shape[1] - 1)")
      }
      return i * shape[1] + j
    default:
      throw fail(
        "`\(reference.text)` has \(reference.index.count) indices for a \(shapeText) value",
        isLine ? "`\(name)[i]`" : "`\(name)[i, j]`")
    }
  }
}

/// The shapes of the trace's values for the chapter's sizes, found from a run of the
/// same cell at small sizes that tell the dimensions apart (the real run is not made
/// until the lesson plays).
struct TraceShapes {
  private let events: [TraceEvent]
  private let dimension: [Int: Int]

  init(facts: ChapterReader.Facts, variant: Variant) {
    // Sizes unlike each other, 1 and the vocabulary's, so each maps back to one size.
    let sizes = [2, 3, 4].filter { $0 != facts.vocabulary.count }
    let (inputs, hidden) = (sizes[0], sizes[1])
    let cell = variant.makeCell(
      parameters: variant.parameterShapes(inputs: inputs, hidden: hidden).map {
        Tensor(zeros: $0.shape)
      })
    let model = RNNModel(
      vocabulary: facts.vocabulary, embedding: Tensor(zeros: [facts.vocabulary.count, inputs]),
      h0: Tensor(zeros: [1, hidden]), cell: cell)
    events = model.trace(facts.words).events
    dimension = [inputs: facts.inputs, hidden: facts.hidden]
  }

  /// The shape of a value of the forward pass; a single number for anything else (a
  /// chapter's tensor is looked up by name before this is asked).
  func shape(of reference: ValueReference) -> [Int] {
    let tensor: Tensor
    if case .result(let step) = reference, events.indices.contains(step - 1) {
      tensor = events[step - 1].resultValue
    } else if case .operand(let step, let index) = reference, events.indices.contains(step - 1),
      index < events[step - 1].operandCount
    {
      tensor = events[step - 1].operand(index).value
    } else {
      return [1]
    }
    return tensor.shape.map { dimension[$0] ?? $0 }
  }

}
