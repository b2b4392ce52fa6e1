import Model

/// The paragraphs that belong to one step, in the order the author wrote them.
///
/// A player shows the section of the latest step at or before the current one; a printer
/// prints step 0's section before the trace and each other section after its step.
public struct NarrativeSection: Equatable, Sendable {
  /// 0 for the introduction, else a `TraceEvent.step`.
  public let step: Int
  public let paragraphs: [Paragraph]

  public init(step: Int, paragraphs: [Paragraph]) {
    self.step = step
    self.paragraphs = paragraphs
  }
}
