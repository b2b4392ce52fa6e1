/// What the screen says of a what-if's text and of its recompute: the lesson's text was
/// written for the original run, and a big model's edited run is computed a slice at a
/// time while the learner goes on.
enum WhatIfNote {
  /// `, recomputing 42%` after the status line's `what-if ×1` while the run is computed.
  static func progress(_ state: PlayerState) -> String {
    guard let (word, count) = state.whatIf?.progress else { return "" }
    return ", recomputing \(100 * word / max(1, count))%"
  }

  /// The narration line while the screen waits for the run to reach its step.
  static func awaiting(_ state: PlayerState) -> String {
    guard let (word, count) = state.whatIf?.progress else { return "" }
    let wanted =
      state.showsDelta
      ? "the Δ shows once it is done"
      : "this step is the original run's, greyed, until it gets here"
    return "recomputing the what-if: word \(word) of \(count); \(wanted) (keys work meanwhile)"
  }

  /// The line above a lesson's text under a what-if: whose numbers the text gives.
  static func lines(_ state: PlayerState, width: Int) -> [String] {
    guard state.whatIf != nil else { return [] }
    let chapter = state.chapter
    guard !chapter.narrative.isEmpty || !chapter.introduction.isEmpty else { return [] }
    let note =
      state.showsDelta && !state.isAwaitingRecompute
      ? "[Δ: the panels show changes; this text, the edited run's values]"
      : chapter.isNarratedFromRun
        ? "[what-if: numbers from the edited run; the text was written for the original]"
        : "[what-if: this text and its numbers describe the original run]"
    return NarrativePane.lines([note], width: width)
  }
}
