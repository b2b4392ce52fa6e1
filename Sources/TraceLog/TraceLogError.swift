import Model

/// Why a log cannot be read: the line (from 1) and what is wrong with it, in words
/// that say what was found and what was expected.
public struct TraceLogError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The line the problem is on; nil when it concerns the file as a whole.
  public let line: Int?
  public let message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  public var description: String {
    guard let line else { return message }
    return "line \(line): \(message)"
  }
}
