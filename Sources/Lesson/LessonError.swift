import Model

/// Why a lesson file was refused: where, what was found there, and what would be accepted.
///
/// `description` is the one line a user sees: `lesson.yaml:12:7: found …; expected …`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file name as the parser was given it.
  public let file: String
  /// The line, from 1.
  public let line: Int
  /// The column, from 1, counted in Unicode scalars (as libyaml counts them).
  public let column: Int
  /// What is wrong, in the author's terms: "unknown key `narative` in chapter 2".
  public let found: String
  /// What would be accepted there: "one of title, narrative, …".
  public let expected: String

  public init(file: String, line: Int, column: Int, found: String, expected: String) {
    self.file = file
    self.line = line
    self.column = column
    self.found = found
    self.expected = expected
  }

  /// What is wrong and what is expected, without the position.
  public var message: String { "\(found); expected \(expected)" }

  public var description: String { "\(file):\(line):\(column): \(message)" }
}
