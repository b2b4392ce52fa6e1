import Model

/// An event as a log records it: like a `TraceEvent`, but its operands carry only a
/// name and a shape (the log does not repeat their values), and it remembers the
/// line it came from.
public struct LoggedEvent: Equatable, Sendable {
  /// An operand as the log names it.
  public struct Operand: Equatable, Sendable {
    public let name: String
    public let shape: [Int]

    public init(name: String, shape: [Int]) {
      self.name = name
      self.shape = shape
    }
  }

  /// The line of the log, from 1 (the header is line 1).
  public let line: Int
  public let step: Int
  public let t: Int
  public let word: String
  public let operation: Operation
  public let formula: String
  public let index: Int?
  public let operands: [Operand]
  /// The result, its values as read; NaN where the log has `null` (a non-finite
  /// value, which JSON cannot write).
  public let result: NamedTensor
  /// On `hidden_state` only: the `value` key, h_t again.
  public let value: [Float]?
  /// Whether the event belongs to the backward pass (`"pass":"backward"`).
  public let pass: Pass
  /// Whether the log wrote the result without values (`result` then holds zeros of its
  /// shape): a head's gradient term or running sum, which its operands give again.
  public let omitsValues: Bool

  public init(
    line: Int, step: Int, t: Int, word: String, operation: Operation, formula: String,
    index: Int?, operands: [Operand], result: NamedTensor, value: [Float]?, pass: Pass = .forward,
    omitsValues: Bool = false
  ) {
    self.pass = pass
    self.omitsValues = omitsValues
    self.line = line
    self.step = step
    self.t = t
    self.word = word
    self.operation = operation
    self.formula = formula
    self.index = index
    self.operands = operands
    self.result = result
    self.value = value
  }
}

extension LoggedEvent {
  /// Whether the event comes after the forward pass: the loss, or the backward pass.
  public var isAfterForward: Bool {
    pass == .backward || operation == .logits || operation == .loss
  }
}
