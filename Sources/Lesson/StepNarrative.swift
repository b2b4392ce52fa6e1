import Model

/// The paragraphs that belong to one step, in the order the author wrote them.
///
/// A player shows those of the latest step at or before the current one; a printer
/// prints step 0's before the trace and each other step's after that step.
public struct StepNarrative: Equatable, Sendable {
  /// 0 for the introduction, else a `TraceEvent.step`.
  public let step: Int
  public let paragraphs: [Paragraph]

  public init(step: Int, paragraphs: [Paragraph]) {
    self.step = step
    self.paragraphs = paragraphs
  }
}
