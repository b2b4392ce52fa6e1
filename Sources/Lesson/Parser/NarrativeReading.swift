import Model
import Yams

/// The `narrative:` list: paragraphs, their anchors, and the `{…}` values in their text.
extension ChapterReader {
  static let anchorForm =
    "`start`, `end`, `{step: N}`, `{t: N}` or `{t: N, operation: NAME}`"
    + " (with a loss: `loss`, `backward`, and `pass: backward` beside `t`)"

  func readNarrative(_ field: Field?, outline: Outline, facts: Facts) throws(LessonError)
    -> [Paragraph]
  {
    guard let field else { return [] }
    let items = try source.list(
      field, "a list of paragraphs: text, or `at:` and `text:` to tie one to a step")
    var anchor = NarrativeAnchor.start
    var step = 0
    var paragraphs: [Paragraph] = []
    for item in items {
      let textNode: Node
      switch item {
      case .scalar:
        textNode = item
      case .mapping:
        let fields = try Fields(
          item, owner: "a paragraph of \(owner)", allowed: ["at", "text"], source: source)
        if let at = fields["at"] {
          (anchor, step) = try readAnchor(at, outline: outline, words: facts.words.count)
        }
        textNode = try fields.required("text", "the paragraph's text", source: source).value
      default:
        throw source.error(
          at: item.position, "a paragraph of \(owner) is \(describe(item))",
          expected: "text, or a mapping with `at:` and `text:`")
      }
      guard case .scalar(let scalar) = textNode, textNode.kind != .null else {
        throw source.error(
          at: textNode.position, "a paragraph's text is \(describe(textNode))", expected: "text")
      }
      try source.checkPrintable(scalar.string, in: textNode, what: "a paragraph")
      let text = try readTemplate(
        scalar.string, node: textNode, step: step, outline: outline, names: facts.names,
        words: facts.words.count)
      paragraphs.append(Paragraph(text: text, anchor: anchor, step: step))
    }
    return paragraphs
  }

  func readAnchor(_ field: Field, outline: Outline, words: Int) throws(LessonError)
    -> (NarrativeAnchor, Int)
  {
    let count = outline.events.count
    switch field.value {
    case .scalar(let scalar) where scalar.string == "start":
      return (.start, 0)
    case .scalar(let scalar) where scalar.string == "end":
      return (.end, count)
    case .scalar(let scalar) where scalar.string == "loss" || scalar.string == "backward":
      let isLoss = scalar.string == "loss"
      guard let step = isLoss ? outline.lossStep : outline.backwardStep else {
        throw source.error(
          at: field.mark, "`at: \(scalar.string)` in \(owner), which has no `loss`",
          expected: "`loss: next-word` or `loss: last-word` on the chapter, or an anchor of its"
            + " forward pass: \(Self.anchorForm)")
      }
      return (isLoss ? .loss : .backward, step)
    case .mapping:
      let fields = try Fields(
        field.value, owner: "`at` of a paragraph", allowed: ["step", "t", "operation", "pass"],
        source: source)
      if let stepField = fields["step"] {
        if let other = fields["t"] ?? fields["operation"] ?? fields["pass"] {
          throw source.error(
            at: other.keyNode.position, "`at` has both `step` and `\(other.key)`",
            expected: "either `step: N` or `t: N` (with an `operation:` if wanted)")
        }
        let step = try source.wholeNumber(stepField, in: 1...count)
        return (.step(step), step)
      }
      let tField = try fields.required("t", "a word of the sentence, from 1", source: source)
      let t = try source.wholeNumber(tField, in: 1...words)
      let pass = try readPass(fields["pass"], outline: outline)
      guard let operationField = fields["operation"] else {
        guard let event = outline.events.first(where: { $0.t == t && $0.pass == pass }) else {
          throw source.error(
            at: tField.mark, "the backward pass never reaches word \(t)",
            expected: "a word the backward pass goes through: "
              + Self.backwardWords(outline))
        }
        return (.time(t, operation: nil, pass: pass), event.step)
      }
      let available = outline.operations(at: t, pass: pass)
      let names = available.map(\.rawValue).joined(separator: ", ")
      guard case .scalar(let scalar) = operationField.value,
        let operation = Operation(rawValue: scalar.string)
      else {
        throw source.error(
          at: operationField.mark, "`operation` is \(describe(operationField.value))",
          expected: "one of: \(names)")
      }
      guard
        let event = outline.events.first(where: {
          $0.t == t && $0.operation == operation && $0.pass == pass
        })
      else {
        if pass == .backward {
          throw source.error(
            at: operationField.mark,
            "`operation: \(operation.rawValue)` does not happen at word \(t) of the backward pass",
            expected: available.isEmpty
              ? "a word the backward pass goes through: " + Self.backwardWords(outline)
              : "one of: \(names)")
        }
        throw source.error(
          at: operationField.mark,
          "`operation: \(operation.rawValue)` does not happen in a chapter whose variant is"
            + " \(outline.variant.rawValue)",
          expected: "one of: \(names)")
      }
      return (.time(t, operation: operation, pass: pass), event.step)
    default:
      throw source.error(
        at: field.mark, "`at` is \(describe(field.value))", expected: Self.anchorForm)
    }
  }

  /// `pass: forward` (the default) or `pass: backward`, which needs a loss.
  func readPass(_ field: Field?, outline: Outline) throws(LessonError) -> Pass {
    guard let field else { return .forward }
    guard case .scalar(let scalar) = field.value, let pass = Pass(rawValue: scalar.string) else {
      throw source.error(
        at: field.mark, "`pass` is \(describe(field.value))",
        expected: "one of: forward, backward")
    }
    if pass == .backward, outline.loss == nil {
      throw source.error(
        at: field.mark, "`pass: backward` in \(owner), which has no `loss`",
        expected: "`loss: next-word` or `loss: last-word` on the chapter: the backward pass"
          + " starts from the loss")
    }
    return pass
  }

  /// "1 … 4": the words whose steps the backward pass visits.
  static func backwardWords(_ outline: Outline) -> String {
    let ts = Set(outline.events.filter { $0.pass == .backward }.map(\.t)).sorted()
    guard let first = ts.first, let last = ts.last else { return "none" }
    return first == last ? "word \(first)" : "words \(first) … \(last)"
  }

  /// Splits text into runs and `{…}` values; `{{` and `}}` stand for braces.
  func readTemplate(
    _ text: String, node: Node, step: Int, outline: Outline, names: TensorNames, words: Int
  ) throws(LessonError) -> NarrativeText {
    var segments: [NarrativeText.Segment] = []
    var run = ""
    var seen: [String: Int] = [:]
    // Scalars, not characters: braces are ASCII, and breaking a long paragraph into
    // grapheme clusters cost most of reading it.
    let scalars = Array(text.unicodeScalars)
    // How many of `brace` come before `index`, to tell which brace of the source it is.
    func count(_ brace: Unicode.Scalar, before index: Int) -> Int {
      scalars[..<index].count { $0 == brace }
    }
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      i += 1
      if c == "}" {
        guard i < scalars.count, scalars[i] == "}" else {
          throw source.error(
            at: source.locate("}", in: node, occurrence: count("}", before: i - 1)),
            "a `}` with no `{` before it",
            expected: "`}}` to write a brace, or `{name}` to show a value")
        }
        i += 1
        run.append("}")
        continue
      }
      guard c == "{" else {
        run.unicodeScalars.append(c)
        continue
      }
      if i < scalars.count, scalars[i] == "{" {
        i += 1
        run.append("{")
        continue
      }
      guard let close = scalars[i...].firstIndex(of: "}") else {
        throw source.error(
          at: source.locate("{", in: node, occurrence: count("{", before: i - 1)),
          "a `{` that is never closed",
          expected: "`{name}` to show a value, or `{{` to write a brace")
      }
      let placeholder = String(String.UnicodeScalarView(scalars[i..<close]))
      i = close + 1
      let occurrence = seen[placeholder, default: 0]
      seen[placeholder] = occurrence + 1
      // Located only for an error: searching the text for every placeholder made a
      // paragraph of many of them take quadratic time.
      let reference = try resolve(
        placeholder, step: step, outline: outline, names: names, words: words,
        mark: source.locate("{\(placeholder)}", in: node, occurrence: occurrence))
      if !run.isEmpty { segments.append(.text(run)) }
      run = ""
      segments.append(.value(reference, placeholder: placeholder))
    }
    if !run.isEmpty { segments.append(.text(run)) }
    return NarrativeText(segments: segments)
  }

  private func resolve(
    _ placeholder: String, step: Int, outline: Outline, names: TensorNames, words: Int,
    mark: @autoclosure () -> Position?
  ) throws(LessonError) -> ValueReference {
    let key = String(placeholder.trimmingSpaces)
    let count = outline.events.count
    if key == "result" {
      guard step > 0 else {
        throw source.error(
          at: mark(), "`{result}` in a paragraph that is not tied to a step",
          expected: "an `at:` on this paragraph or one before it, or a named value")
      }
      return .result(step: step)
    }
    let parts = key.split(separator: " ", omittingEmptySubsequences: true)
    if parts.count == 2, parts[0] == "step" {
      guard let n = Int(parts[1]), (1...count).contains(n) else {
        throw source.error(
          at: mark(), "`{\(placeholder)}` names a step this chapter does not have",
          expected: "`{step N}` with N from 1 to \(count)")
      }
      return .result(step: n)
    }
    if key.hasPrefix("norm ") {
      let inner = String(key.dropFirst(5).drop { $0 == " " })
      return .norm(
        try resolve(inner, step: step, outline: outline, names: names, words: words, mark: mark()))
    }
    if let value = try lossValue(key, placeholder: placeholder, outline: outline, mark: mark()) {
      return .loss(value)
    }
    let transposed = key.hasSuffix(".T")
    let name = transposed ? String(key.dropLast(2)) : key
    if let definition = names[name], definition.shape != nil {
      return .tensor(name, transposed: transposed)
    }
    if !transposed, let reference = outline.names[key] {
      return reference
    }
    // The prediction head, drawn after the chapter's tensors, is one of them.
    if outline.loss != nil, name == "head.weight" || name == "head.bias" {
      return .tensor(name, transposed: transposed)
    }
    let head = outline.loss == nil ? [] : ["head.weight", "head.bias"]
    let listing = (names.tensorNames + head).joined(separator: ", ")
    let tensors = listing.isEmpty ? "" : "a tensor of the chapter (\(listing)), "
    throw source.error(
      at: mark(), "`{\(placeholder)}` names no value of this chapter",
      expected: "\(tensors)a value of the trace (\(span("e", 1, words)), \(span("z", 1, words)),"
        + " \(span("h", 0, words))), `{step N}` with N from 1 to \(count), or `{result}`;"
        + " `{{` writes a brace")
  }

  /// The values a chapter with a loss adds (`{loss after}`, `{p_2}`, …), or nil for a
  /// placeholder that is not one of their forms.
  private func lossValue(
    _ key: String, placeholder: String, outline: Outline, mark: @autoclosure () -> Position?
  ) throws(LessonError) -> LossValue? {
    let parts = key.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let head = parts.first else { return nil }
    let after = parts.count == 2 && parts[1] == "after"
    let rounds = outline.loss?.rounds
    let value: LossValue
    switch head {
    case "lr" where parts.count == 1: value = .learningRate
    case "steps" where parts.count == 1: value = .rounds
    case "loss" where parts.count == 2 && parts[1] == "after": value = .lossAfter
    case "loss" where parts.count == 3 && parts[1] == "round":
      guard let k = Int(parts[2]), k >= 1, k <= (rounds ?? 0) || rounds == nil else {
        throw source.error(
          at: mark(), "`{\(placeholder)}` names a round this chapter does not run",
          expected: "`{loss round N}` with N from 1 to \(rounds ?? 1)")
      }
      value = .round(k)
    case "updated" where parts.count == 2:
      guard outline.loss != nil, Self.trainedNames(outline.variant).contains(parts[1]) else {
        throw source.error(
          at: mark(), "`{\(placeholder)}` names no parameter SGD updates",
          expected: "`{updated NAME}` with NAME one of: "
            + Self.trainedNames(outline.variant).joined(separator: ", "))
      }
      value = .updated(parts[1])
    case "predictions" where parts.count == 1 || after: value = .predictions(after: after)
    case "right" where parts.count == 1 || after: value = .right(after: after)
    case _ where head.hasPrefix("p_") && (parts.count == 1 || after):
      guard let position = Int(head.dropFirst(2)) else { return nil }
      let last = outline.events.reduce(0) { max($0, $1.t) } - 1
      guard outline.loss != nil, (1...max(1, last)).contains(position) else {
        throw source.error(
          at: mark(), "`{\(placeholder)}` names a prediction this chapter does not make",
          expected: "`{p_N}` with N from 1 to \(max(1, last)), in a chapter with `loss:`"
            + " (the probability the prediction from h_N gives word N+1)")
      }
      value = .probability(position: position, after: after)
    default: return nil
    }
    guard outline.loss != nil else {
      throw source.error(
        at: mark(), "`{\(placeholder)}` in \(owner), which has no `loss`",
        expected: "`loss: next-word` or `loss: last-word` on the chapter (and `steps: N` for the"
          + " values of its SGD rounds)")
    }
    if value.needsRounds && rounds == nil {
      throw source.error(
        at: mark(), "`{\(placeholder)}` in \(owner), which runs no SGD rounds",
        expected: "`steps: N` (and `lr:`) on the chapter")
    }
    return value
  }

  /// The parameters SGD updates, as `Learner` names them.
  static func trainedNames(_ variant: Variant) -> [String] {
    ["embedding.weight"] + variant.cell.parameterLayout.map(\.name)
      + ["head.weight", "head.bias"]
  }

  private func span(_ letter: String, _ first: Int, _ last: Int) -> String {
    first == last ? "\(letter)_\(first)" : "\(letter)_\(first)…\(letter)_\(last)"
  }
}
