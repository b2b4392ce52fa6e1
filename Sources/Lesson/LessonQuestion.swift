import Model

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A question the lesson asks at a step, before the step's result shows: a guess of a
/// number, or one of a few choices. The answer is worked out from the chapter's trace
/// when it runs, never written in the lesson.
public struct LessonQuestion: Equatable, Sendable {
  /// What the learner answers.
  public enum Answer: Equatable, Sendable {
    /// A number: the value of an expression of the trace's values.
    case number(QuestionExpression)
    /// One of the choices (2 to 9, picked by their number): the first whose condition
    /// holds, else the last (which has none).
    case choices([QuestionChoice])
  }

  /// The step the question is asked at (from 1), as `at:` names it.
  public let step: Int
  public let anchor: NarrativeAnchor
  /// The question, with `{…}` values as in the narrative.
  public let prompt: NarrativeText
  public let answer: Answer

  public init(step: Int, anchor: NarrativeAnchor, prompt: NarrativeText, answer: Answer) {
    self.step = step
    self.anchor = anchor
    self.prompt = prompt
    self.answer = answer
  }
}

/// One choice of a question: its text, and when it is the answer.
public struct QuestionChoice: Equatable, Sendable {
  public let text: NarrativeText
  /// nil for the last choice: the answer when no condition before it holds.
  public let condition: QuestionCondition?

  public init(text: NarrativeText, condition: QuestionCondition?) {
    self.text = text
    self.condition = condition
  }
}

/// `LEFT OP RIGHT`, two expressions compared: `z_2 > 0`, `|h_2 * w_h| > |e_3·w_e|`.
public struct QuestionCondition: Equatable, Sendable {
  public enum Comparison: String, Equatable, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }

  public let left: QuestionExpression
  public let comparison: Comparison
  public let right: QuestionExpression

  public init(left: QuestionExpression, comparison: Comparison, right: QuestionExpression) {
    self.left = left
    self.comparison = comparison
    self.right = right
  }

  /// Whether it holds, with values from `value`.
  public func holds(_ value: (ValueReference) -> Tensor) -> Bool {
    let (a, b) = (left.evaluate(value), right.evaluate(value))
    switch comparison {
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    }
  }
}

/// An arithmetic expression of numbers and single values of the trace, as the author
/// wrote it: `h_1 * w_h`, `h_2[0]`, `|z_3| - 1`, `tanh(step(12))`.
public struct QuestionExpression: Equatable, Sendable {
  public indirect enum Node: Equatable, Sendable {
    case number(Double)
    /// Element `element` (flat, row by row) of a value of the chapter.
    case value(ValueReference, element: Int)
    case negate(Node)
    case absolute(Node)
    case tanh(Node)
    case binary(Node, Operator, Node)
  }

  public enum Operator: Character, Equatable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
  }

  /// The expression as written, trimmed: what the reveal names the answer by.
  public let source: String
  public let node: Node

  public init(source: String, node: Node) {
    self.source = source
    self.node = node
  }

  /// Whether it is a number written out (a side of a condition not worth showing).
  public var isNumber: Bool {
    if case .number = node { return true }
    return false
  }

  /// Its value, in double precision, from the values `value` gives.
  public func evaluate(_ value: (ValueReference) -> Tensor) -> Double {
    Self.evaluate(node, value)
  }

  private static func evaluate(_ node: Node, _ value: (ValueReference) -> Tensor) -> Double {
    switch node {
    case .number(let x): return x
    case .value(let reference, let element): return Double(value(reference).scalars[element])
    case .negate(let x): return -evaluate(x, value)
    case .absolute(let x): return abs(evaluate(x, value))
    case .tanh(let x): return _tanh(evaluate(x, value))
    case .binary(let a, let op, let b):
      let (x, y) = (evaluate(a, value), evaluate(b, value))
      switch op {
      case .add: return x + y
      case .subtract: return x - y
      case .multiply: return x * y
      case .divide: return x / y
      }
    }
  }
}

#if canImport(Glibc)
  private func _tanh(_ x: Double) -> Double { Glibc.tanh(x) }
#else
  private func _tanh(_ x: Double) -> Double { Darwin.tanh(x) }
#endif

extension ChapterTrace {
  /// The answer to a number question, from this run's values.
  public func value(of expression: QuestionExpression) -> Double {
    expression.evaluate { value($0) }
  }

  /// Which choice (from 0) answers a choice question in this run: the first whose
  /// condition holds, else the last.
  public func answer(of choices: [QuestionChoice]) -> Int {
    choices.firstIndex { $0.condition?.holds { value($0) } ?? true } ?? choices.count - 1
  }

  /// The values that decided a choice question, for the reveal: the deciding
  /// condition's sides that are not plain numbers (`z_2 = -0.4856`), or, when the last
  /// choice won, the first condition's.
  public func evidence(for choices: [QuestionChoice], format: ValueFormat = ValueFormat())
    -> String
  {
    let index = answer(of: choices)
    guard let condition = choices[index].condition ?? choices.first?.condition else { return "" }
    return [condition.left, condition.right].filter { !$0.isNumber }.map {
      "\($0.source) = \(format.string(Float(value(of: $0))))"
    }.joined(separator: ", ")
  }

  /// A question's prompt or a choice's text, with its values filled in.
  public func text(of text: NarrativeText, format: ValueFormat = ValueFormat()) -> String {
    text.rendered { format.prose(value($0)) }
  }
}
