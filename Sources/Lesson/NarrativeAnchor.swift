import Model

/// Which moment of the chapter's trace a paragraph talks about, as the author wrote it.
///
/// The parser resolves every anchor to a step number (`Paragraph.step`), so players
/// and printers never need to interpret this; it is kept to show and to document.
public enum NarrativeAnchor: Equatable, Sendable {
  /// Before the first operation (step 0): the chapter's introduction.
  case start
  /// A step of the trace, from 1.
  case step(Int)
  /// Time step `t` (word `t`, from 1); with an operation, that operation of that word,
  /// otherwise the word's first operation (its embedding lookup); in the backward pass,
  /// the first such step of the backward pass.
  case time(Int, operation: Operation?, pass: Pass = .forward)
  /// The step that computes the loss L (a chapter with `loss:`).
  case loss
  /// The first step of the backward pass (a chapter with `loss:`).
  case backward
  /// The last operation of the chapter.
  case end
}
