import Model
import Yams

/// The `code:` list (the lesson's line of code for each operation, or for one step) and
/// the `summary:` text.
extension ChapterReader {
  static let codeForm =
    "a list of `- operation: NAME` or `- at: ANCHOR`, each with `text:` (the code)"

  /// The code of every step: an `operation:` entry gives every word's step of that
  /// operation its line (with `{t}` and `{t-1}` filled in); an `at:` entry, written
  /// after, gives one step its own.
  func readCode(_ field: Field?, outline: Outline, facts: Facts) throws(LessonError)
    -> [Int: String]
  {
    guard let field else { return [:] }
    let items = try source.list(field, Self.codeForm)
    var byOperation: [String: String] = [:]
    var byStep: [Int: String] = [:]
    for item in items {
      let fields = try Fields(
        item, owner: "a `code` entry of \(owner)", allowed: ["operation", "at", "text", "pass"],
        source: source)
      let textField = try fields.required("text", "the line of code", source: source)
      guard case .scalar(let scalar) = textField.value, textField.value.kind != .null,
        !scalar.string.isEmpty
      else {
        throw source.error(
          at: textField.mark, "a `code` entry's text is \(describe(textField.value))",
          expected: "a line of code")
      }
      try source.checkPrintable(scalar.string, in: textField.value, what: "a `code` entry")
      let text = try checkCodeTemplate(scalar.string, node: textField.value)
      switch (fields["operation"], fields["at"]) {
      case (let operation?, nil):
        let pass = try readPass(fields["pass"], outline: outline)
        let available = Array(Set(outline.events.filter { $0.pass == pass }.map(\.operation)))
        let names = Operation.allCases.filter(available.contains).map(\.rawValue)
        guard case .scalar(let name) = operation.value,
          let op = Operation(rawValue: name.string), available.contains(op)
        else {
          throw source.error(
            at: operation.mark, "`operation` is \(describe(operation.value))",
            expected: "one of: \(names.joined(separator: ", "))")
        }
        byOperation["\(pass)/\(op)"] = text
      case (nil, let at?):
        if let pass = fields["pass"] {
          throw source.error(
            at: pass.keyNode.position, "a `code` entry with both `at` and `pass`",
            expected:
              "`pass:` beside `operation:`, or inside the anchor: `at: {t: N, pass: backward}`")
        }
        let (_, step) = try readAnchor(at, outline: outline, words: facts.words.count)
        guard step > 0 else {
          throw source.error(
            at: at.mark, "a `code` entry at `start`", expected: "a step of the trace")
        }
        byStep[step] = text
      default:
        throw source.error(
          at: item.position,
          "a `code` entry with "
            + (fields["at"] == nil ? "neither `operation` nor `at`" : "both `operation` and `at`"),
          expected: "exactly one of them")
      }
    }
    var code: [Int: String] = [:]
    for event in outline.events {
      if let text = byStep[event.step] ?? byOperation["\(event.pass)/\(event.operation)"] {
        code[event.step] = Self.fillTime(text, t: event.t)
      }
    }
    return code
  }

  /// `summary:`: text with `{…}` values, as a paragraph of the chapter's last step.
  func readSummary(_ field: Field?, outline: Outline, facts: Facts) throws(LessonError)
    -> NarrativeText?
  {
    guard let field else { return nil }
    guard case .scalar(let scalar) = field.value, field.value.kind != .null else {
      throw source.error(
        at: field.mark, "`summary` is \(describe(field.value))",
        expected: "a few sentences of text")
    }
    try source.checkPrintable(scalar.string, in: field.value, what: "`summary`")
    return try readTemplate(
      scalar.string, node: field.value, step: outline.events.count, outline: outline,
      names: facts.names, words: facts.words.count)
  }

  /// Checks that every `{…}` of a line of code is `{t}` or `{t-1}` (`{{` and `}}` write
  /// braces).
  private func checkCodeTemplate(_ text: String, node: Node) throws(LessonError) -> String {
    var rest = Substring(text)
    while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
      let after = rest[rest.index(after: open)...]
      if after.first == rest[open] {
        rest = after.dropFirst()
        continue
      }
      guard rest[open] == "{", let close = after.firstIndex(of: "}"),
        ["t", "t-1"].contains(after[..<close].filter { $0 != " " })
      else {
        throw source.error(
          at: node.position, "`\(text)` has a brace that is not `{t}` or `{t-1}`",
          expected:
            "`{t}` for the word's number, `{t-1}` for the one before, `{{` or `}}` for a brace")
      }
      rest = after[after.index(after: close)...]
    }
    return text
  }

  /// The line for word `t`: `{t}` and `{t-1}` replaced, doubled braces made single.
  /// Byte by byte (the braces are ASCII): it runs for every step of every chapter.
  static func fillTime(_ text: String, t: Int) -> String {
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
      return text
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      i += 1
      if c == UInt8(ascii: "{") || c == UInt8(ascii: "}"), i < bytes.count, bytes[i] == c {
        out.append(c)
        i += 1
        continue
      }
      guard c == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}"))
      else {
        out.append(c)
        continue
      }
      let key = bytes[i..<close].filter { $0 != UInt8(ascii: " ") }
      out += (key.elementsEqual("t-1".utf8) ? String(t - 1) : String(t)).utf8
      i = close + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
