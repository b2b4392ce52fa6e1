import Model

/// What the quiz puts on screen while it asks: the question in the narration line,
/// the prompt in the status line, and a line in place of the step's text (or the
/// lesson's question and its choices).
enum QuizLine {
  static let textHidden = "(this step's text shows once you have guessed)"

  /// `guess: z_3[1] = h_2·w_h + e_3·w_e = ?`, or what a lesson's question takes.
  static func question(_ question: QuizState.Question, event: TraceEvent) -> String {
    // The choices here too: on a small screen the text above may not reach them.
    if case .choice(let options, _, _)? = question.authored?.answer {
      return "the lesson asks: "
        + options.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "  ")
    }
    if question.authored != nil { return "the lesson asks (above): type a number, then Enter" }
    let name =
      event.result.value.count == 1
      ? event.result.name : "\(event.result.name)[\(question.element)]"
    let formula =
      event.formula == event.result.name ? "" : " (\(Notation.rowVectors(event.formula)))"
    return "guess: \(name)\(formula) = ?"
  }

  /// The text pane while a question is asked: the lesson's question and its choices, or
  /// a line saying the step's text is hidden; nil when nothing is asked.
  static func paneLines(_ state: PlayerState, width: Int) -> [String]? {
    guard let question = state.quiz.asking else { return nil }
    guard let authored = question.authored else { return [textHidden] }
    return NarrativePane.lines(authored.askingParagraphs, width: width)
  }

  /// The longest the answer to `question` can read, for the rows the text keeps.
  static func longestAnswer(_ question: PlayerQuestion) -> String {
    switch question.answer {
    case .number(let name, _):
      return "Asked: \(question.prompt) → \(name) = -0.0000, you said -0.0000000000: off by"
        + " 0.0000 (within 10%)"
    case .choice(let options, _, let evidence):
      let longest = options.max { $0.count < $1.count } ?? ""
      return "Asked: \(question.prompt) → wrong: you said 1, \(longest); the answer is 2,"
        + " \(longest) (\(evidence))"
    }
  }

  static func drawPrompt(
    _ question: QuizState.Question, quizIsOn: Bool, on grid: inout CellGrid, x: Int, y: Int
  ) {
    let count = question.authored?.choiceCount ?? 0
    let label =
      question.authored == nil
      ? "your guess: " : count > 0 ? "your answer (1 to \(count)): " : "your answer: "
    let end = grid.put(label + question.typed, x: x, y: y, style: Theme.statusKey)
    let after = grid.put("▏", x: end, y: y, style: Theme.statusKey)
    let keys =
      count > 0 ? "  → shows the answer" : "  Enter reveals (alone: no guess)"
    PlayerView.putClipped(
      &grid, keys + (quizIsOn ? "  a quiz off" : "  a quiz on"), x: after, y: y,
      style: Theme.statusBar)
  }
}
