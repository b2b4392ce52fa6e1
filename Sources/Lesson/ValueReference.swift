import Model

/// A live value that a paragraph shows, written `{name}` in its text.
///
/// Resolved by the parser against the chapter: a name the chapter defined wins over a
/// name from the trace (the lesson's own `e_1` is a 4×1 column, the trace's e_1 a row).
public enum ValueReference: Equatable, Sendable {
  /// A tensor the chapter defines (`{E}`, `{We.weight}`), transposed if written `{E.T}`.
  case tensor(String, transposed: Bool)
  /// What step `step` computed: `{h_1}`, `{z_2}`, `{step 3}`, or `{result}` (the result
  /// of the step the paragraph is anchored to).
  case result(step: Int)
  /// An input of step `step`, by position: `{w_h}` or `{h_0}` when the chapter does not
  /// define them under those names.
  case operand(step: Int, index: Int)
}
