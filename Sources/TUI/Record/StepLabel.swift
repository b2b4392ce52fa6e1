import Model

/// A recording's marker for the step on screen: `13 · t=3 "jumped" · add → z_3 = 0.1840`,
/// its chapter first where a recording holds several (`chapter 2 · 13 · …`).
///
/// A player shows it as the name of a chapter dot on its timeline; a word of the
/// sentence appears escaped, as on the screen.
public enum StepLabel {
  /// Values longer than this are cut with `…` (a hidden state of 64 numbers would
  /// make a label no timeline can show).
  static let maximumValueLength = 60

  public static func text(for state: PlayerState, withChapter: Bool = false) -> String {
    let event = state.event
    let chapter = withChapter ? "chapter \(state.chapterIndex + 1) · " : ""
    if let screen = state.trainingScreen, let training = state.chapter.training {
      let what =
        screen == .update
        ? "SGD update, lr \(training.learningRate)"
        : "loss curve, \(training.losses.count) rounds"
      return chapter + "\(state.eventIndex + 1) · \(what) · loss → "
        + NumberFormat.value(
          screen == .update ? state.chapter.lossAfterFirstUpdate : training.lossAfter)
    }
    // The value as the narration writes it, without the spaces that align columns.
    var value = ""
    var length = 0
    for character in ValueFormat().inline(event.resultValue) {
      if character == " " && value.last == " " { continue }
      if length == maximumValueLength {
        value.removeLast()
        value += "…"
        break
      }
      value.append(character)
      length += 1
    }
    var label = chapter
    label += "\(state.eventIndex + 1) · t=\(event.t) \(Narration.quoted(event.word))"
    label +=
      " · \(event.operation.rawValue) → \(TerminalText.escaped(event.result.name)) = \(value)"
    return label
  }
}
