import Model

/// The first place where a log departs from what its header's model computes: the
/// line and step, the operation, which part differs, and both versions.
public struct TraceDifference: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  /// The step of the event on that line (nil past the end of the log).
  public let step: Int?
  /// The operation the recomputation performs there (nil past its end).
  public let operation: Operation?
  /// Whether the event differing is one of the backward pass.
  public let backward: Bool
  /// Which part differs: `result.values[1]`, `op`, `shape`, `end of file`, …
  public let part: String
  public let expected: String
  public let found: String

  public init(
    line: Int, step: Int?, operation: Operation?, part: String, expected: String, found: String,
    backward: Bool = false
  ) {
    self.backward = backward
    self.line = line
    self.step = step
    self.operation = operation
    self.part = part
    self.expected = expected
    self.found = found
  }

  public var description: String {
    var place = "line \(line)"
    if let step { place += ", step \(step)" }
    if let operation { place += " (\(operation.rawValue)\(backward ? ", backward pass" : ""))" }
    return "\(place): \(part) differs from the recomputation: expected \(expected), found \(found)"
  }
}
