import Model
import Yams

/// libyaml's complaints, said in terms of what the author most likely did.
enum YAMLProblem {
  static func lessonError(_ error: YamlError, source: SourceText, text: String) -> LessonError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      let (found, expected) = explain(problem)
      return source.error(
        at: Position(line: mark.line, column: mark.column), found, expected: expected)
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams points at the first of the two; the second is the one to remove.
      let first = Position(line: context.mark.line, column: context.mark.column)
      let key = duplicates.first ?? ""
      let second = source.nextKey(key, after: first)
      return source.error(
        at: second ?? first,
        "the key `\(key)` appears twice in the same mapping"
          + (second == nil ? "" : " (first at \(first.line):\(first.column))"),
        expected: "each key once")
    case .reader(let problem, let offset, _, _):
      var mark: Position?
      if let offset {
        let before = text.prefix(offset)
        let line = before.count { $0 == "\n" } + 1
        let column =
          (before.split(separator: "\n", omittingEmptySubsequences: false).last?
            .unicodeScalars.count ?? 0) + 1
        mark = Position(line: line, column: column)
      }
      return source.error(
        at: mark, "a character YAML cannot read (\(problem))",
        expected: "UTF-8 text without control characters")
    default:
      return source.error(at: nil, "unreadable YAML: \(error)", expected: "a YAML file")
    }
  }

  private static func explain(_ problem: String) -> (found: String, expected: String) {
    switch problem {
    case "mapping values are not allowed in this context":
      return (
        "a `key:` where no key can start here (a line indented deeper than the key before it,"
          + " or a `: ` inside an unquoted text)",
        "the keys of one mapping indented alike; quote a text that contains `: `"
      )
    case "did not find expected key":
      return (
        "a line indented differently from the keys before it",
        "every key of a mapping at the same indentation, with spaces"
      )
    case "did not find expected '-' indicator":
      return (
        "a line indented differently from the list around it",
        "every key of a mapping, and every `- ` of a list, at the same indentation"
      )
    case "could not find expected ':'":
      return (
        "a line without `:` where a `key: value` should be",
        "`key: value`; a text that goes on over several lines needs them indented"
      )
    case "found character that cannot start any token":
      return (
        "a character that cannot start a value here (a tab? YAML indents with spaces only)",
        "spaces for indentation; quote a text that starts with `@`, `%` or a backtick"
      )
    case "found a tab character that violates indentation",
      "found a tab character where an indentation space is expected":
      return ("a tab in the indentation", "spaces only: YAML does not indent with tabs")
    case "found unexpected end of stream":
      return ("the end of the file inside a quoted text", "the closing quote")
    case _ where problem.hasPrefix("Maximum nesting level reached"):
      return (
        "lists or mappings nested too deep for libyaml", "a lesson nested a few levels deep"
      )
    default:
      return ("malformed YAML: \(problem)", "well-formed YAML (see docs/lessons.md)")
    }
  }
}
