import Model
import Yams

/// The `model:` mapping: which tensor plays which part, each checked against the sizes.
extension ChapterReader {
  struct ModelParts {
    let embedding: TensorExpression
    let h0: TensorExpression
    let cell: CellRecipe
  }

  static func modelKeys(_ variant: Variant) -> [String] {
    ["embedding", "h0"] + variant.lessonParts.map(\.key)
  }

  func readModel(_ field: Field, facts: Facts) throws(LessonError) -> ModelParts {
    let keys = Self.modelKeys(facts.variant)
    let fields = try Fields(
      field.value, owner: "the model of \(owner) (\(facts.variant.rawValue))", allowed: keys,
      source: source)
    let (d, h) = (facts.inputs, facts.hidden)
    func part(_ key: String, _ what: String) throws(LessonError) -> Field {
      try fields.required(key, what, source: source)
    }
    let embeddingField = try part("embedding", "the embedding table, e.g. `embedding: E.T`")
    let embedding = try tensor(embeddingField, names: facts.names)
    try checkEmbedding(embedding.shape, field: embeddingField, facts: facts)
    let h0Field = try part("h0", "the initial hidden state, e.g. `h0: h_0`")
    let h0 = try tensor(h0Field, names: facts.names)
    try checkShape(h0, field: h0Field, expected: [1, h], meaning: "1 × hidden")
    // Every part is found, then read, then checked, the input's weight before the hidden's.
    let parts = facts.variant.lessonParts
    var partFields: [Field] = []
    for lessonPart in parts {
      partFields.append(try part(lessonPart.key, lessonPart.description))
    }
    var read: [[Typed]] = []
    for (lessonPart, partField) in zip(parts, partFields) {
      switch lessonPart.kind {
      case .weight: read.append([try tensor(partField, names: facts.names)])
      case .linear:
        let layer = try layer(partField, names: facts.names)
        read.append([layer.weight, layer.bias])
      }
    }
    let inputFirst =
      parts.indices.filter { parts[$0].input == .inputs }
      + parts.indices.filter { parts[$0].input != .inputs }
    for i in inputFirst {
      let lessonPart = parts[i]
      let left = lessonPart.input == .inputs ? ("e_t", d) : ("h_{t-1}", h)
      switch lessonPart.kind {
      case .weight:
        try checkProduct(
          read[i][0], field: partFields[i], left: left, output: h, name: lessonPart.key)
      case .linear:
        try checkLinear((read[i][0], read[i][1]), left: left, output: h, name: lessonPart.key)
      }
    }
    var byName: [String: TensorExpression] = [:]
    for (lessonPart, typed) in zip(parts, read) {
      for (name, part) in zip(lessonPart.parameterNames, typed) { byName[name] = part.expression }
    }
    let layout = facts.variant.parameterShapes(inputs: d, hidden: h)
    let cell = CellRecipe(variant: facts.variant, parameters: layout.map { byName[$0.name]! })
    return ModelParts(embedding: embedding.expression, h0: h0.expression, cell: cell)
  }

  /// A tensor expression with its shape and how the file wrote it, for messages.
  struct Typed {
    let expression: TensorExpression
    let shape: [Int]
    let written: String
    let mark: Position?
  }

  private func tensor(_ field: Field, names: TensorNames) throws(LessonError) -> Typed {
    try tensor(field.value, mark: field.mark, role: "`\(field.key)`", names: names)
  }

  private func tensor(_ node: Node, mark: Position?, role: String, names: TensorNames)
    throws(LessonError) -> Typed
  {
    let expected =
      "the name of a tensor drawn or written in this chapter (\(names.listing)),"
      + " `NAME.T` for its transpose, or numbers"
    switch node {
    case .sequence:
      let value = try readNumbers(node, named: role)
      return Typed(
        expression: .literal(value), shape: Array(value.shape), written: "[…]", mark: mark)
    case .scalar(let scalar) where node.kind != .null:
      let written = scalar.string.trimmingSpaces
      let transposed = written.hasSuffix(".T")
      let name = String(transposed ? written.dropLast(2) : written)
      guard let definition = names[name] else {
        var hint = expected
        if let near = nearest(name, in: names.tensorNames) { hint += " (did you mean `\(near)`?)" }
        throw source.error(
          at: mark, "\(role) refers to `\(name)`, which is never defined in \(owner)",
          expected: hint)
      }
      guard let shape = definition.shape else {
        let members =
          definition.layer?.hasBias == true
          ? "`\(name).weight` or `\(name).bias`"
          : "`\(name).weight`"
        throw source.error(
          at: mark, "\(role) refers to `\(name)`, an \(definition.layer!.kind) layer",
          expected: "one of its tensors: \(members)")
      }
      return Typed(
        expression: .named(name, transposed: transposed),
        shape: transposed ? transposedShape(shape) : shape, written: String(written), mark: mark)
    default:
      throw source.error(at: mark, "\(role) is \(describe(node))", expected: expected)
    }
  }

  /// An `nn.Linear` part: the name of an `nn.Linear` draw, or `{weight: …, bias: …}`.
  private func layer(_ field: Field, names: TensorNames) throws(LessonError)
    -> (weight: Typed, bias: Typed)
  {
    let expected = "the name of an nn.Linear draw, or `{weight: …, bias: …}`"
    switch field.value {
    case .scalar(let scalar) where field.value.kind != .null:
      let name = String(scalar.string.trimmingSpaces)
      guard let definition = names[name] else {
        var hint = expected
        let layers = names.tensorNames.compactMap { n -> String? in
          n.hasSuffix(".weight") ? String(n.dropLast(7)) : nil
        }
        if let near = nearest(name, in: layers) { hint += " (did you mean `\(near)`?)" }
        throw source.error(
          at: field.mark, "`\(field.key)` refers to `\(name)`, which is never defined in \(owner)",
          expected: hint)
      }
      guard let layer = definition.layer, layer.kind == "nn.Linear" else {
        let what = definition.layer.map { "an \($0.kind) layer" } ?? "a tensor"
        throw source.error(
          at: field.mark, "`\(field.key)` refers to `\(name)`, \(what)", expected: expected)
      }
      guard layer.hasBias else {
        throw source.error(
          at: field.mark, "`\(field.key)` refers to `\(name)`, drawn with bias=False",
          expected: "an nn.Linear with its bias (the cell adds it)")
      }
      let weight = names["\(name).weight"]!.shape!
      let bias = names["\(name).bias"]!.shape!
      return (
        Typed(
          expression: .named("\(name).weight", transposed: false), shape: weight,
          written: "\(name).weight", mark: field.mark),
        Typed(
          expression: .named("\(name).bias", transposed: false), shape: bias,
          written: "\(name).bias", mark: field.mark)
      )
    case .mapping:
      let fields = try Fields(
        field.value, owner: "`\(field.key)` of \(owner)", allowed: ["weight", "bias"],
        source: source)
      let weightField = try fields.required(
        "weight", "the layer's weight, out × in", source: source)
      let biasField = try fields.required(
        "bias", "the layer's bias, a vector of out", source: source)
      let weight = try tensor(
        weightField.value, mark: weightField.mark, role: "`\(field.key).weight`", names: names)
      let bias = try tensor(
        biasField.value, mark: biasField.mark, role: "`\(field.key).bias`", names: names)
      return (weight, bias)
    default:
      throw source.error(
        at: field.mark, "`\(field.key)` is \(describe(field.value))", expected: expected)
    }
  }

  private func checkEmbedding(_ shape: [Int], field: Field, facts: Facts) throws(LessonError) {
    let (v, d) = (facts.vocabulary.count, facts.inputs)
    let written = "`embedding: \(String(field.value.string?.trimmingSpaces ?? "[…]"))`"
    let expected =
      "\(v)×\(d): one row of inputs = \(d) numbers for "
      + (v == 1 ? "the one word" : "each of the \(v) words")
    guard shape.count == 2 else {
      throw source.error(
        at: field.mark, "\(written) is \(shapeText(shape))", expected: expected)
    }
    if shape[1] != d {
      throw source.error(
        at: field.mark,
        "\(written) is \(shapeText(shape)), so each word's e_t would have \(shape[1]) numbers,"
          + " but inputs is \(d)",
        expected: expected)
    }
    if shape[0] < v {
      let word = facts.vocabulary[shape[0]]
      let table = "\(written) has \(count(shape[0], "row"))"
      if let vocabularyField = facts.vocabularyField,
        case .sequence(let items) = vocabularyField.value
      {
        throw source.error(
          at: items[shape[0]].position,
          "the word `\(word)` has no embedding: \(table) and it is word \(shape[0] + 1) of the"
            + " vocabulary",
          expected: expected)
      }
      let position = facts.words.firstIndex(of: word)!
      throw source.error(
        at: source.locateWord(position, in: facts.sentence.value),
        "the word `\(word)` has no embedding: \(table) for the \(v) distinct words of the sentence",
        expected: expected)
    }
    if shape[0] > v {
      let counted =
        facts.vocabularyField == nil ? "distinct words in the sentence" : "words in the vocabulary"
      throw source.error(
        at: field.mark, "\(written) has \(count(shape[0], "row")), but there are \(v) \(counted)",
        expected: expected + " (list them under `vocabulary:` to name the rows)")
    }
  }

  private func checkShape(_ part: Typed, field: Field, expected: [Int], meaning: String)
    throws(LessonError)
  {
    guard part.shape != expected else { return }
    throw source.error(
      at: part.mark, "`\(field.key): \(part.written)` is \(shapeText(part.shape))",
      expected: "\(shapeText(expected)) (\(meaning))")
  }

  /// A weight used as `left · weight`: its rows must match the left side's columns, its
  /// columns the hidden size.
  private func checkProduct(
    _ part: Typed, field: Field, left: (name: String, columns: Int), output: Int, name: String
  ) throws(LessonError) {
    let expected = [left.columns, output]
    guard part.shape != expected else { return }
    let meaning = left.name == "e_t" ? "inputs × hidden" : "hidden × hidden"
    let wanted = "\(shapeText(expected)) (\(meaning))"
    let written = "`\(field.key): \(part.written)`"
    if part.shape.count == 2 && part.shape[0] != left.columns {
      throw source.error(
        at: part.mark,
        "\(written) is \(shapeText(part.shape)): \(left.name)·\(name) would multiply"
          + " (1×\(left.columns)) by (\(shapeText(part.shape))), which cannot multiply",
        expected: wanted)
    }
    if part.shape.count == 2 {
      throw source.error(
        at: part.mark,
        "\(written) is \(shapeText(part.shape)), which would give a hidden state of"
          + " \(part.shape[1]) numbers, but hidden is \(output)",
        expected: wanted)
    }
    throw source.error(at: part.mark, "\(written) is \(shapeText(part.shape))", expected: wanted)
  }

  /// An `nn.Linear` used as `left · weightᵀ + bias`: weight `[out, in]`, bias `[out]`.
  private func checkLinear(
    _ part: (weight: Typed, bias: Typed), left: (name: String, columns: Int),
    output: Int, name: String
  ) throws(LessonError) {
    let weight = part.weight
    let expected = [output, left.columns]
    let wanted =
      "a weight of \(shapeText(expected)) (out × in, as nn.Linear(\(left.columns), \(output))"
      + " stores it)"
    if weight.shape != expected {
      if weight.shape.count == 2 && weight.shape[1] != left.columns {
        throw source.error(
          at: weight.mark,
          "`\(name)` has a weight of \(shapeText(weight.shape)): \(left.name)·\(name).weightᵀ"
            + " would multiply (1×\(left.columns)) by (\(shapeText(transposedShape(weight.shape)))),"
            + " which cannot multiply",
          expected: wanted)
      }
      throw source.error(
        at: weight.mark, "`\(name)` has a weight of \(shapeText(weight.shape))", expected: wanted)
    }
    if part.bias.shape != [output] {
      throw source.error(
        at: part.bias.mark, "`\(name)` has a bias of \(shapeText(part.bias.shape))",
        expected: "a vector of \(output) (hidden)")
    }
  }
}
