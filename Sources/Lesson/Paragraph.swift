import Model

/// One paragraph of a chapter's narrative, tied to the step of the trace it explains.
public struct Paragraph: Equatable, Sendable {
  public let text: NarrativeText
  /// The anchor as written; a paragraph without `at` takes the one before it (`start`
  /// for the first).
  public let anchor: NarrativeAnchor
  /// The step the paragraph belongs to: 0 before the first operation, else a step of
  /// the chapter's trace (`TraceEvent.step`).
  public let step: Int

  public init(text: NarrativeText, anchor: NarrativeAnchor, step: Int) {
    self.text = text
    self.anchor = anchor
    self.step = step
  }
}
