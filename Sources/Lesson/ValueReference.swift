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
  /// A value of a chapter with a loss, or of its SGD rounds (`LossValue`).
  case loss(LossValue)
  /// `{norm NAME}`: the length ‖v‖ of another value, √(Σ v_i²), as the gradient flow
  /// shows ‖dL/dh_t‖.
  indirect case norm(ValueReference)
}

/// The values a chapter with `loss:` (and `steps:`) adds to its narrative.
public enum LossValue: Equatable, Sendable {
  /// `{lr}`: the learning rate.
  case learningRate
  /// `{steps}`: how many rounds the chapter runs.
  case rounds
  /// `{loss round N}`: the loss before round N's update.
  case round(Int)
  /// `{loss after}`: the loss the parameters after the last update give.
  case lossAfter
  /// `{updated NAME}`: parameter NAME after the first round's update.
  case updated(String)
  /// `{predictions}` (the traced round) or `{predictions after}` (after the last update):
  /// the word each h_t scores highest as the next one, beside the true one.
  case predictions(after: Bool)
  /// `{right}` or `{right after}`: how many of those predictions are the true next word.
  case right(after: Bool)
  /// `{p_N}` or `{p_N after}`: the probability the prediction from h_N gives the true next
  /// word, softmax(y_N)[word N+1].
  case probability(position: Int, after: Bool)

  /// Whether the value needs SGD rounds (`steps:`), not only a loss.
  var needsRounds: Bool {
    switch self {
    case .learningRate, .rounds, .round, .lossAfter, .updated: true
    case .predictions(let after), .right(let after), .probability(_, let after): after
    }
  }
}
