import Model
import Yams

/// Typed values out of fields, each refusing anything else with the field's position.
extension SourceText {
  func text(_ field: Field, _ expected: String = "text") throws(LessonError) -> String {
    guard case .scalar(let scalar) = field.value, field.value.kind != .null,
      !scalar.string.trimmingSpaces.isEmpty
    else {
      throw error(
        at: field.mark, "`\(field.key)` is \(describe(field.value))", expected: expected)
    }
    try checkPrintable(scalar.string, in: field.value, what: "`\(field.key)`")
    return scalar.string
  }

  /// Refuses control characters: lesson text goes to a terminal, where an escape
  /// sequence could move the cursor or rewrite what is shown. Line breaks are text.
  func checkPrintable(_ text: String, in node: Node, what: String) throws(LessonError) {
    // A tag other than `!!str` (`!!binary`, `!!timestamp`, one of the author's own)
    // says the text means something else than the text: not ignored, refused.
    if case .scalar(let scalar) = node, ScalarKind.of(scalar) != .str,
      !scalar.tag.rawValue.isEmpty
    {
      let standard = "tag:yaml.org,2002:"
      let declared = scalar.tag.rawValue
      let tag = declared.hasPrefix(standard) ? "!!" + declared.dropFirst(standard.count) : declared
      throw error(
        at: node.position, "\(what) has the YAML tag `\(tag)`",
        expected: "plain text without a tag")
    }
    guard
      let bad = text.unicodeScalars.first(where: {
        // Printable ASCII decided by value: asking every scalar its category was a
        // fifth of reading a long paragraph.
        ($0.value < 0x20 || $0.value >= 0x7F) && $0 != "\n"
          && $0.properties.generalCategory == .control
      })
    else { return }
    let code = String(bad.value, radix: 16, uppercase: true)
    throw error(
      at: locate(String(bad), in: node),
      "a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
        + " in \(what)",
      expected: "printable text (control characters could take over the terminal)")
  }

  func wholeNumber(_ field: Field, in range: ClosedRange<Int>) throws(LessonError) -> Int {
    try wholeNumber(field.value, named: "`\(field.key)`", mark: field.mark, in: range)
  }

  func wholeNumber(_ node: Node, named name: String, mark: Position?, in range: ClosedRange<Int>)
    throws(LessonError) -> Int
  {
    let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
    guard case .scalar(let scalar) = node, node.kind == .int else {
      throw error(at: mark, "\(name) is \(describe(node))", expected: expected)
    }
    guard let value = Int(scalar.string), range.contains(value) else {
      throw error(at: mark, "\(name) is \(scalar.string)", expected: expected)
    }
    return value
  }

  /// A `torch.manual_seed` argument: what PyTorch keeps, a 64-bit unsigned integer.
  func seed(_ field: Field) throws(LessonError) -> UInt64 {
    let expected = "a whole number from 0 to \(UInt64.max)"
    guard case .scalar(let scalar) = field.value, field.value.kind == .int else {
      throw error(
        at: field.mark, "`seed` is \(describe(field.value))", expected: expected)
    }
    guard let value = UInt64(scalar.string) else {
      throw error(at: field.mark, "`seed` is \(scalar.string), out of range", expected: expected)
    }
    return value
  }

  func list(_ field: Field, _ expected: String) throws(LessonError) -> [Node] {
    guard case .sequence(let sequence) = field.value else {
      throw error(
        at: field.mark, "`\(field.key)` is \(describe(field.value))", expected: expected)
    }
    return Array(sequence)
  }
}

extension String {
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return self[first...last]
  }
}
