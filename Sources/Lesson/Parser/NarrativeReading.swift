import Model
import Yams

/// The `narrative:` list: paragraphs, their anchors, and the `{…}` values in their text.
extension ChapterReader {
  static let anchorForm =
    "`start`, `end`, `{step: N}`, `{t: N}` or `{t: N, operation: NAME}`"

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
    case .mapping:
      let fields = try Fields(
        field.value, owner: "`at` of a paragraph", allowed: ["step", "t", "operation"],
        source: source)
      if let stepField = fields["step"] {
        if let other = fields["t"] ?? fields["operation"] {
          throw source.error(
            at: other.keyNode.position, "`at` has both `step` and `\(other.key)`",
            expected: "either `step: N` or `t: N` (with an `operation:` if wanted)")
        }
        let step = try source.wholeNumber(stepField, in: 1...count)
        return (.step(step), step)
      }
      let tField = try fields.required("t", "a word of the sentence, from 1", source: source)
      let t = try source.wholeNumber(tField, in: 1...words)
      guard let operationField = fields["operation"] else {
        let step = outline.events.first { $0.t == t }!.step
        return (.time(t, operation: nil), step)
      }
      let available = outline.operations(at: t)
      let names = available.map(\.rawValue).joined(separator: ", ")
      guard case .scalar(let scalar) = operationField.value,
        let operation = Operation(rawValue: scalar.string)
      else {
        throw source.error(
          at: operationField.mark, "`operation` is \(describe(operationField.value))",
          expected: "one of: \(names)")
      }
      guard let event = outline.events.first(where: { $0.t == t && $0.operation == operation })
      else {
        throw source.error(
          at: operationField.mark,
          "`operation: \(operation.rawValue)` does not happen in a chapter whose variant is"
            + " \(outline.variant.rawValue)",
          expected: "one of: \(names)")
      }
      return (.time(t, operation: operation), event.step)
    default:
      throw source.error(
        at: field.mark, "`at` is \(describe(field.value))", expected: Self.anchorForm)
    }
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
    let transposed = key.hasSuffix(".T")
    let name = transposed ? String(key.dropLast(2)) : key
    if let definition = names[name], definition.shape != nil {
      return .tensor(name, transposed: transposed)
    }
    if !transposed, let reference = outline.names[key] {
      return reference
    }
    let tensors = names.tensorNames.isEmpty ? "" : "a tensor of the chapter (\(names.listing)), "
    throw source.error(
      at: mark(), "`{\(placeholder)}` names no value of this chapter",
      expected: "\(tensors)a value of the trace (\(span("e", 1, words)), \(span("z", 1, words)),"
        + " \(span("h", 0, words))), `{step N}` with N from 1 to \(count), or `{result}`;"
        + " `{{` writes a brace")
  }

  private func span(_ letter: String, _ first: Int, _ last: Int) -> String {
    first == last ? "\(letter)_\(first)" : "\(letter)_\(first)…\(letter)_\(last)"
  }
}
