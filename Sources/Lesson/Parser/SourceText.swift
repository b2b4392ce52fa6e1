import Model
import Yams

/// The lesson file's text, for turning a YAML node and an offset inside its value into
/// the line and column an editor shows.
struct SourceText {
  let file: String
  /// The text's scalars, and where each line starts in them (a line is cut out only
  /// when an error needs it: making them all made a large file slow to read).
  private let scalars: [Unicode.Scalar]
  private let lineStarts: [Int]

  init(file: String, text: String) {
    self.file = file
    scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (i, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(i + 1) }
    lineStarts = starts
  }

  private var lineCount: Int { lineStarts.count }

  /// Line `i` (from 0), without its `\n` and any `\r`.
  private func line(_ i: Int) -> [Unicode.Scalar] {
    let end = i + 1 < lineStarts.count ? lineStarts[i + 1] - 1 : scalars.count
    let slice = scalars[lineStarts[i]..<end]
    return slice.contains("\r") ? slice.filter { $0 != "\r" } : Array(slice)
  }

  func error(at mark: Position?, _ found: String, expected: String) -> LessonError {
    LessonError(
      file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, found: found,
      expected: expected)
  }

  /// Where the `occurrence`-th (from 0) appearance of `needle` is, searching from the
  /// start of `node`'s value; the node's own mark when it cannot be found (a folded
  /// line break or an escape inside the needle).
  func locate(_ needle: String, in node: Node, occurrence: Int = 0) -> Position? {
    guard let start = node.position else { return nil }
    let target = Array(needle.unicodeScalars)
    guard !target.isEmpty else { return start }
    var seen = 0
    var line = start.line - 1
    var column = start.column - 1
    while line < lineCount {
      let scalars = self.line(line)
      while column + target.count <= scalars.count {
        if scalars[column..<column + target.count].elementsEqual(target) {
          if seen == occurrence { return Position(line: line + 1, column: column + 1) }
          seen += 1
        }
        column += 1
      }
      line += 1
      column = 0
    }
    return start
  }

  /// Where word `index` (from 0) of a space-separated scalar is.
  func locateWord(_ index: Int, in node: Node) -> Position? {
    guard let start = node.position, case .scalar(let scalar) = node else { return node.position }
    var line = start.line - 1
    var column = start.column - 1
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: column += 1
    case .literal, .folded:
      line += 1
      column = 0
    default: break
    }
    var word = -1
    var inWord = false
    while line < lineCount {
      let scalars = self.line(line)
      while column < scalars.count {
        let isSpace = scalars[column] == " " || scalars[column] == "\t"
        if !isSpace && !inWord {
          word += 1
          if word == index { return Position(line: line + 1, column: column + 1) }
        }
        inWord = !isSpace
        column += 1
      }
      inWord = false
      line += 1
      column = 0
    }
    return start
  }

  /// The mark `offset` scalars into a one-line scalar's value.
  func mark(at offset: Int, in node: Node) -> Position? {
    guard let start = node.position, case .scalar(let scalar) = node else { return node.position }
    let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
    return Position(line: start.line, column: start.column + quote + offset)
  }

  /// The next line that starts `key:` at the column of `first`, before a line that is
  /// indented less (which ends the mapping).
  func nextKey(_ key: String, after first: Position) -> Position? {
    let column = first.column - 1
    let target = Array("\(key):".unicodeScalars)
    var line = first.line
    while line < lineCount {
      let scalars = self.line(line)
      let indent = scalars.prefix { $0 == " " }.count
      let blank = indent == scalars.count || scalars[indent] == "#"
      if !blank && indent < column { return nil }
      if indent == column && scalars.count >= column + target.count
        && scalars[column..<column + target.count].elementsEqual(target)
      {
        return Position(line: line + 1, column: column + 1)
      }
      line += 1
    }
    return nil
  }
}
