import Model

/// What the quiz puts on screen while it asks: the question in the narration line,
/// the prompt in the status line, and a line in place of the step's text.
enum QuizLine {
  static let textHidden = "(this step's text shows once you have guessed)"

  /// `guess: z_3[1] = h_2·w_h + e_3·w_e = ?`
  static func question(_ question: QuizState.Question, event: TraceEvent) -> String {
    let name =
      event.result.value.count == 1
      ? event.result.name : "\(event.result.name)[\(question.element)]"
    let formula =
      event.formula == event.result.name ? "" : " (\(Notation.rowVectors(event.formula)))"
    return "guess: \(name)\(formula) = ?"
  }

  static func drawPrompt(_ question: QuizState.Question, on grid: inout CellGrid, x: Int, y: Int) {
    let end = grid.put("your guess: " + question.typed, x: x, y: y, style: Theme.statusKey)
    let after = grid.put("▏", x: end, y: y, style: Theme.statusKey)
    PlayerView.putClipped(
      &grid, "  Enter reveals (alone: no guess)  a quiz off", x: after, y: y,
      style: Theme.statusBar)
  }
}
