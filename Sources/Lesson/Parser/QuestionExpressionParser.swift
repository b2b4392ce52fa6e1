import Model

/// Reads a question's `answer:` or a choice's `when:`: numbers and values of the trace
/// with `+ - * /`, `|x|`, `abs(x)`, `tanh(x)`, parentheses, and (in a condition) one
/// comparison.
///
/// Names are looked up by `resolve`, which knows the chapter; the parser only knows the
/// form.
struct QuestionExpressionParser {
  /// A problem `offset` scalars into the text.
  struct Failure: Error {
    let offset: Int
    let found: String
    let expected: String
  }

  /// A name and its index, as written: `h_2[0]`, `step(7)`, `w_h`.
  struct Reference {
    enum Kind {
      case name(String)
      case step(Int)
    }

    let kind: Kind
    let index: [Int]
    let offset: Int
    /// The reference as written, for messages.
    let text: String
  }

  static let forms =
    "numbers and the chapter's values (h_2, w_h, e_2·w_e, h_2[0], step(7), result) with"
    + " + - * /, |x|, abs(x), tanh(x) and parentheses"

  private let scalars: [Unicode.Scalar]
  private let text: String
  private var position = 0
  private let resolve: (Reference) throws(Failure) -> (ValueReference, element: Int)
  /// How many values of the trace the expression reads.
  private(set) var valueCount = 0

  init(
    _ text: String, resolve: @escaping (Reference) throws(Failure) -> (ValueReference, element: Int)
  ) {
    self.text = text
    scalars = Array(text.unicodeScalars)
    self.resolve = resolve
  }

  /// The whole text as one expression.
  mutating func expression() throws(Failure) -> QuestionExpression {
    let node = try sum()
    skipSpaces()
    if position < scalars.count {
      if comparisonAhead() != nil {
        throw Failure(
          offset: position, found: "`\(text)` is a comparison",
          expected: "a number to guess (a question of which holds is written with `choices:`)")
      }
      throw unexpected()
    }
    return QuestionExpression(source: trimmed(text), node: node)
  }

  /// The whole text as `LEFT OP RIGHT`.
  mutating func condition() throws(Failure) -> QuestionCondition {
    let start = position
    let left = try sum()
    let leftEnd = position
    skipSpaces()
    guard let comparison = comparisonAhead() else {
      if position < scalars.count { throw unexpected() }
      throw Failure(
        offset: start, found: "`\(text)` has no comparison",
        expected: "`LEFT OP RIGHT` with OP one of < <= > >=, e.g. `z_2 > 0`")
    }
    position += comparison.rawValue.unicodeScalars.count
    let rightStart = position
    let right = try sum()
    skipSpaces()
    if position < scalars.count { throw unexpected() }
    return QuestionCondition(
      left: QuestionExpression(source: slice(start, leftEnd), node: left),
      comparison: comparison,
      right: QuestionExpression(source: slice(rightStart, position), node: right))
  }

  private mutating func sum() throws(Failure) -> QuestionExpression.Node {
    var node = try product()
    while true {
      skipSpaces()
      guard let c = peek, c == "+" || c == "-" else { return node }
      position += 1
      node = .binary(node, c == "+" ? .add : .subtract, try product())
    }
  }

  private mutating func product() throws(Failure) -> QuestionExpression.Node {
    var node = try unary()
    while true {
      skipSpaces()
      guard let c = peek, c == "*" || c == "/" else { return node }
      position += 1
      node = .binary(node, c == "*" ? .multiply : .divide, try unary())
    }
  }

  private mutating func unary() throws(Failure) -> QuestionExpression.Node {
    skipSpaces()
    if peek == "-" {
      position += 1
      return .negate(try unary())
    }
    if peek == "+" {
      position += 1
      return try unary()
    }
    return try primary()
  }

  private mutating func primary() throws(Failure) -> QuestionExpression.Node {
    skipSpaces()
    guard let c = peek else {
      throw Failure(
        offset: position, found: "the end of `\(text)` where a value belongs",
        expected: Self.forms)
    }
    switch c {
    case "(":
      position += 1
      let inner = try sum()
      try expect(")")
      return inner
    case "|":
      position += 1
      let inner = try sum()
      try expect("|")
      return .absolute(inner)
    case "0"..."9", ".":
      return try number()
    default:
      guard isNameScalar(c) else { throw unexpected() }
      return try name()
    }
  }

  private mutating func number() throws(Failure) -> QuestionExpression.Node {
    let start = position
    while let c = peek, ("0"..."9").contains(c) || c == "." { position += 1 }
    if let c = peek, c == "e" || c == "E" {
      position += 1
      if let sign = peek, sign == "+" || sign == "-" { position += 1 }
      while let c = peek, ("0"..."9").contains(c) { position += 1 }
    }
    let written = slice(start, position)
    guard let value = Double(written), value.isFinite else {
      throw Failure(
        offset: start, found: "`\(written)` is not a number", expected: "a number such as 0.5")
    }
    return .number(value)
  }

  private mutating func name() throws(Failure) -> QuestionExpression.Node {
    let start = position
    while let c = peek, isNameScalar(c) { position += 1 }
    let name = slice(start, position)
    skipSpaces()
    var kind = Reference.Kind.name(name)
    var written = name
    if peek == "(", ["abs", "tanh", "step"].contains(name) {
      position += 1
      guard name == "step" else {
        let inner = try sum()
        try expect(")")
        return name == "abs" ? .absolute(inner) : .tanh(inner)
      }
      skipSpaces()
      let numberStart = position
      while let c = peek, ("0"..."9").contains(c) { position += 1 }
      guard let step = Int(slice(numberStart, position)) else {
        throw Failure(
          offset: numberStart, found: "`step(` without a step number",
          expected: "`step(N)`, the result of step N")
      }
      try expect(")")
      kind = .step(step)
      written = "step(\(step))"
      skipSpaces()
    }
    var index: [Int] = []
    if peek == "[" {
      position += 1
      while true {
        skipSpaces()
        let numberStart = position
        while let c = peek, ("0"..."9").contains(c) { position += 1 }
        guard let i = Int(slice(numberStart, position)) else {
          throw Failure(
            offset: numberStart, found: "`\(written)[` without an index",
            expected: "`\(written)[i]` or `\(written)[i, j]`, indices from 0")
        }
        index.append(i)
        skipSpaces()
        if peek == "," {
          position += 1
          continue
        }
        try expect("]")
        break
      }
    }
    if !index.isEmpty { written += "[\(index.map(String.init).joined(separator: ", "))]" }
    return try value(Reference(kind: kind, index: index, offset: start, text: written))
  }

  private mutating func value(_ reference: Reference) throws(Failure) -> QuestionExpression.Node {
    let (value, element) = try resolve(reference)
    valueCount += 1
    return .value(value, element: element)
  }

  private mutating func expect(_ c: Unicode.Scalar) throws(Failure) {
    skipSpaces()
    guard peek == c else {
      throw Failure(
        offset: position,
        found: position < scalars.count
          ? "`\(scalars[position])` in `\(text)` where `\(c)` belongs"
          : "the end of `\(text)` before a closing `\(c)`",
        expected: "`\(c)`")
    }
    position += 1
  }

  private func unexpected() -> Failure {
    Failure(
      offset: position, found: "`\(scalars[position])` in `\(text)`, where it cannot stand",
      expected: Self.forms)
  }

  private func comparisonAhead() -> QuestionCondition.Comparison? {
    guard let c = peek, c == "<" || c == ">" else { return nil }
    let equal = position + 1 < scalars.count && scalars[position + 1] == "="
    switch (c, equal) {
    case ("<", false): return .less
    case ("<", true): return .lessOrEqual
    case (">", false): return .greater
    default: return .greaterOrEqual
    }
  }

  private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private mutating func skipSpaces() {
    while let c = peek, c == " " || c == "\n" { position += 1 }
  }

  /// Letters, digits, `_`, `.` and `·`: the trace's names (`e_2·w_e`, `We.weight`).
  private func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." || c == "·"
  }

  private func slice(_ start: Int, _ end: Int) -> String {
    trimmed(String(String.UnicodeScalarView(scalars[start..<end])))
  }

  private func trimmed(_ text: String) -> String {
    String(text.trimmingSpaces)
  }
}
