import Model
import Yams

/// One `key: value` of a mapping, with both nodes for error positions.
struct Field {
  let key: String
  let keyNode: Node
  let value: Node

  /// Where to point when the value is wrong: the value, unless it is empty (an empty
  /// value's mark is wherever the next token happens to be).
  var mark: Position? {
    if case .scalar(let scalar) = value, scalar.string.isEmpty, scalar.style == .plain {
      return keyNode.position
    }
    return value.position
  }
}

/// The keys of one mapping, checked against the keys allowed there.
struct Fields {
  let node: Node
  /// "the lesson", "chapter 2", … as messages name the mapping.
  let owner: String
  private let fields: [String: Field]

  init(_ node: Node, owner: String, allowed: [String], source: SourceText) throws(LessonError) {
    guard case .mapping(let mapping) = node else {
      throw source.error(
        at: node.position, "\(owner) is \(describe(node))",
        expected: "a mapping of `key: value` lines (keys: \(allowed.joined(separator: ", ")))")
    }
    var fields: [String: Field] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode else {
        throw source.error(
          at: keyNode.position, "a key in \(owner) is \(describe(keyNode))",
          expected: "a plain key, one of: \(allowed.joined(separator: ", "))")
      }
      guard allowed.contains(key.string) else {
        var expected = "one of: \(allowed.joined(separator: ", "))"
        if let near = nearest(key.string, in: allowed) { expected += " (did you mean `\(near)`?)" }
        throw source.error(
          at: keyNode.position, "unknown key `\(key.string)` in \(owner)", expected: expected)
      }
      fields[key.string] = Field(key: key.string, keyNode: keyNode, value: value)
    }
    self.node = node
    self.owner = owner
    self.fields = fields
  }

  subscript(key: String) -> Field? { fields[key] }

  func required(_ key: String, _ expected: String, source: SourceText) throws(LessonError)
    -> Field
  {
    guard let field = fields[key] else {
      throw source.error(
        at: node.position, "\(owner) has no `\(key)`", expected: "`\(key):` with \(expected)")
    }
    return field
  }
}

/// A node as a message names it: "text `one`", "the number 1.5", "a list", ….
func describe(_ node: Node) -> String {
  switch node {
  case .scalar(let scalar):
    if scalar.string.isEmpty && scalar.style == .plain { return "empty" }
    switch node.kind {
    case .int: return "the number \(scalar.string)"
    case .float: return "the number \(scalar.string)"
    case .bool: return "`\(scalar.string)` (true or false)"
    case .null: return "empty"
    default: return "text `\(scalar.string)`"
    }
  case .sequence: return "a list"
  case .mapping: return "a mapping"
  case .alias: return "an alias"
  }
}

/// The allowed word closest to a misspelt one, if it is close (at most 2 edits).
func nearest(_ word: String, in candidates: [String]) -> String? {
  let best = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    .min { $0.1 < $1.1 }
  guard let best, best.1 <= 2, best.1 < word.count else { return nil }
  return best.0
}

private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.count]
}

extension Node {
  /// The YAML type Yams' default resolver gives: `.str`, `.int`, `.float`, `.bool`,
  /// `.null`, …. (Lessons are composed with the basic resolver: see `ScalarKind`.)
  var kind: Tag.Name {
    if case .scalar(let scalar) = self { return ScalarKind.of(scalar) }
    return Tag.Name(rawValue: tag.rawValue)
  }
}

/// A place in the lesson file: line and column from 1 (Yams' `Mark`, which cannot be
/// made outside Yams).
struct Position {
  let line: Int
  let column: Int
}

extension Node {
  var position: Position? { mark.map { Position(line: $0.line, column: $0.column) } }
}
