import Model

/// Reads one draw as the lesson's Python writes it: `E = torch.randn(4, 5)`,
/// `U = torch.rand(2, 3)`, `We = nn.Linear(4, 1)`, `nn.Embedding(5, 4)`, or a call
/// without a name, whose result is thrown away (`torch.rand(110)`). `torch.` and `torch.nn.` prefixes are optional.
struct DrawParser {
  /// A problem `offset` scalars into the text.
  struct Failure: Error {
    let offset: Int
    let found: String
    let expected: String
  }

  static let forms =
    "`NAME = torch.randn(ROWS, COLUMNS)`, `NAME = torch.rand(ROWS, COLUMNS)`,"
    + " `NAME = nn.Linear(IN, OUT)` or `NAME = nn.Embedding(COUNT, DIMENSION)`, or a call"
    + " alone to draw and discard"

  private let text: [Unicode.Scalar]
  private let original: String
  private var position = 0

  init(_ text: String) {
    self.original = text
    self.text = Array(text.unicodeScalars)
  }

  static func parse(_ text: String) throws(Failure) -> (draw: TensorDraw, nameOffset: Int?) {
    var parser = DrawParser(text)
    return try parser.parseDraw()
  }

  private mutating func parseDraw() throws(Failure) -> (draw: TensorDraw, nameOffset: Int?) {
    skipSpaces()
    let firstOffset = position
    let first = try word()
    skipSpaces()
    var name: String?
    var callee = first
    var calleeOffset = firstOffset
    if peek == "=" {
      guard !first.contains(".") else {
        throw Failure(
          offset: firstOffset, found: "the name `\(first)` contains a `.`",
          expected: "a name of letters, digits and `_` (e.g. `E` or `w_e`)")
      }
      name = first
      position += 1
      skipSpaces()
      calleeOffset = position
      callee = try word()
      skipSpaces()
    }
    let function = callee.hasPrefix("torch.") ? String(callee.dropFirst(6)) : callee
    guard ["randn", "rand", "nn.Linear", "nn.Embedding"].contains(function) else {
      throw Failure(
        offset: calleeOffset, found: "unknown function `\(callee)` in the draw `\(original)`",
        expected: "torch.randn, torch.rand, nn.Linear or nn.Embedding")
    }
    try expect("(", after: callee)
    var sizes: [(value: Int, offset: Int)] = []
    var bias = true
    repeat {
      skipSpaces()
      if peek == ")" && sizes.isEmpty { break }
      let offset = position
      if peekIsLetter {
        let keyword = try word()
        skipSpaces()
        guard keyword == "bias", function == "nn.Linear", peek == "=" else {
          throw Failure(
            offset: offset, found: "`\(keyword)` in the draw `\(original)`",
            expected: "whole numbers (sizes), or `bias=False` for nn.Linear")
        }
        position += 1
        skipSpaces()
        let valueOffset = position
        let value = try word()
        guard value == "True" || value == "False" else {
          throw Failure(
            offset: valueOffset, found: "`bias=\(value)`", expected: "`bias=True` or `bias=False`")
        }
        bias = value == "True"
      } else {
        sizes.append((try integer(), offset))
      }
      skipSpaces()
    } while consume(",")
    try expect(")", after: "the sizes")
    skipSpaces()
    guard position == text.count else {
      throw Failure(
        offset: position, found: "unexpected `\(rest)` after the call in `\(original)`",
        expected: "nothing after `)` (a comment starts with ` #`)")
    }
    // A tensor the lesson names is a vector or a matrix; numbers only drawn to move the
    // generator on may come in any shape, as `torch.rand(2, 5, 11)` would.
    let wanted =
      switch function {
      case "randn": 1...2
      case "rand": name == nil ? 1...Int.max : 1...2
      default: 2...2
      }
    guard wanted.contains(sizes.count) else {
      let expected =
        switch function {
        case "randn": "one or two sizes (a vector or a matrix)"
        case "rand":
          "one or two sizes for a named tensor (a vector or a matrix); any number when"
            + " the draw is discarded"
        case "nn.Linear": "two sizes: IN, OUT"
        default: "two sizes: COUNT, DIMENSION"
        }
      throw Failure(
        offset: calleeOffset, found: "`\(callee)` with \(sizes.count) sizes in `\(original)`",
        expected: expected)
    }
    for size in sizes where !(1...ModelLimits.maxDimension).contains(size.value) {
      throw Failure(
        offset: size.offset, found: "size \(size.value) in `\(original)`",
        expected: "sizes from 1 to \(ModelLimits.maxDimension)")
    }
    // Checked factor by factor, so that no product can overflow (each is at most 4096).
    var total = 1
    for size in sizes {
      total *= size.value
      if total > LessonLimits.maxDrawnNumbers {
        throw Failure(
          offset: calleeOffset,
          found: "`\(original)` would draw more than \(LessonLimits.maxDrawnNumbers) numbers",
          expected: "at most \(LessonLimits.maxDrawnNumbers) numbers drawn in one chapter")
      }
    }
    let kind: TensorDraw.Kind
    switch function {
    case "randn": kind = .randn(sizes.map(\.value))
    case "rand": kind = .rand(sizes.map(\.value))
    case "nn.Linear":
      kind = .linear(inFeatures: sizes[0].value, outFeatures: sizes[1].value, bias: bias)
    default: kind = .embedding(count: sizes[0].value, dimension: sizes[1].value)
    }
    return (TensorDraw(name: name, kind: kind), name == nil ? nil : firstOffset)
  }

  private var peek: Unicode.Scalar? { position < text.count ? text[position] : nil }
  private var peekIsLetter: Bool { peek.map { $0.properties.isAlphabetic || $0 == "_" } ?? false }
  private var rest: String {
    String(String.UnicodeScalarView(text[position...]))
  }

  private mutating func skipSpaces() {
    while let c = peek, c == " " || c == "\t" { position += 1 }
  }

  private mutating func consume(_ c: Unicode.Scalar) -> Bool {
    guard peek == c else { return false }
    position += 1
    return true
  }

  private mutating func expect(_ c: Unicode.Scalar, after what: String) throws(Failure) {
    guard consume(c) else {
      let found = peek.map { "`\(Character($0))`" } ?? "the end of the draw"
      throw Failure(
        offset: position, found: "\(found) after \(what) in `\(original)`",
        expected: "`\(Character(c))`")
    }
  }

  /// A dotted name: `E`, `w_e`, `torch.randn`, `nn.Linear`.
  private mutating func word() throws(Failure) -> String {
    let start = position
    while let c = peek,
      c.properties.isAlphabetic || c == "_" || c == "."
        || (position > start && ("0"..."9").contains(c))
    {
      position += 1
    }
    guard position > start else {
      let found = peek.map { "`\(Character($0))`" } ?? "nothing"
      throw Failure(
        offset: start, found: "\(found) where a name or a call was expected in `\(original)`",
        expected: DrawParser.forms)
    }
    return String(String.UnicodeScalarView(text[start..<position]))
  }

  private mutating func integer() throws(Failure) -> Int {
    let start = position
    if peek == "-" || peek == "+" { position += 1 }
    while let c = peek, ("0"..."9").contains(c) { position += 1 }
    let digits = String(String.UnicodeScalarView(text[start..<position]))
    guard let value = Int(digits) else {
      if digits.contains(where: \.isNumber) {
        throw Failure(
          offset: start, found: "size \(digits) in `\(original)`",
          expected: "sizes from 1 to \(ModelLimits.maxDimension)")
      }
      let found = peek.map { "`\(Character($0))`" } ?? "the end of the draw"
      throw Failure(
        offset: start, found: "\(found) where a size was expected in `\(original)`",
        expected: "a whole number, as in `randn(4, 5)`")
    }
    return value
  }
}
