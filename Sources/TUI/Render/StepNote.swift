/// The lesson's text at a step: the step's own paragraphs, or an earlier step's still
/// standing (marked with its step, and drawn dim, so that it cannot pass for this
/// step's); at the chapter's last step, its summary after them.
struct StepNote {
  let paragraphs: [String]
  /// Whether the paragraphs belong to an earlier step.
  let isEarlier: Bool

  init(_ chapter: PlayerChapter, step: Int) {
    let note = chapter.note(at: step)
    var paragraphs = note.paragraphs
    isEarlier = note.step < step && !paragraphs.isEmpty
    if isEarlier {
      let from =
        note.step == 1 && !chapter.introduction.isEmpty ? "introduction" : "step \(note.step)"
      paragraphs[0] = "(\(from)) " + paragraphs[0]
    }
    if step == chapter.stepCount, !chapter.summary.isEmpty {
      paragraphs.append("In short: " + chapter.summary.joined(separator: " "))
    }
    self.paragraphs = paragraphs
  }

  /// The rows the chapter's text keeps at every step at `width`, so that the panels
  /// above stay put: the most any step's note needs, except that the introduction
  /// (step 1's long note) gets at most `introductionRows` and scrolls (`i` shows it
  /// whole).
  static func mostLines(_ chapter: PlayerChapter, width: Int) -> Int {
    var steps = Set(chapter.narrative.keys.filter { $0 >= 1 && $0 <= chapter.stepCount })
    steps.insert(chapter.stepCount)
    var most = 0
    func lines(_ step: Int) -> Int {
      NarrativePane.lines(StepNote(chapter, step: step).paragraphs, width: width).count
    }
    for step in steps {
      // A note is also seen from the step after, with its mark.
      let seen = step < chapter.stepCount ? max(lines(step), lines(step + 1)) : lines(step)
      if step == 1 && !chapter.introduction.isEmpty {
        most = max(most, min(seen, introductionRows))
      } else {
        most = max(most, seen)
      }
    }
    // A lesson's question takes the text's place while it is asked, and its answer
    // stands above the step's text once revealed.
    for (step, question) in chapter.questions where step <= chapter.stepCount {
      let asking = NarrativePane.lines(question.askingParagraphs, width: width).count
      let answered = NarrativePane.lines(
        [QuizLine.longestAnswer(question)] + StepNote(chapter, step: step).paragraphs,
        width: width
      ).count
      most = max(most, asking, answered)
    }
    return max(most, min(lines(1), introductionRows))
  }

  static let introductionRows = 8
}

/// The line of the lesson's code that computes the current step, under the panels:
/// `code │ hidden_state = torch.tanh(hidden_mult + embed_mult)`.
enum CodeLine {
  static func draw(on grid: inout CellGrid, y: Int, state: PlayerState) {
    let x = grid.put(" code │ ", x: 0, y: y, style: Theme.label)
    if let screen = state.trainingScreen {
      PlayerView.putClipped(&grid, trainingCode[screen]!, x: x, y: y, style: Theme.code)
      return
    }
    guard let code = state.chapter.code[state.eventIndex + 1] else {
      grid.put("(no line of the lesson's code for this step)", x: x, y: y, style: Theme.gap)
      return
    }
    PlayerView.putClipped(&grid, code, x: x, y: y, style: Theme.code)
  }

  /// What PyTorch runs for the screens after the traced round: the same for every
  /// model, so the player writes it rather than the lesson.
  static let trainingCode: [TrainingScreen: String] = [
    .update: "optimizer.step()   # p -= lr * p.grad, for every parameter p",
    .lossCurve:
      "for r in range(steps): opt.zero_grad(); loss_fn(model(x)).backward(); opt.step()",
  ]
}

/// A one-line key to the picture, under the panels when there is room (the help has
/// the whole legend): the colour scale, the step markers, the tanh curve's marks, the
/// bars over t.
enum LegendLine {
  static func draw(on grid: inout CellGrid, y: Int, state: PlayerState) {
    var x = grid.put(" key │ ", x: 0, y: y, style: Theme.label)
    let limit = grid.width - 1
    for (v, text) in [
      (Float(-1), "−1"), (-0.5, "−.5"), (-0.1, "−.1"), (0, "0"), (0.1, ".1"),
      (0.5, ".5"), (1, "1"),
    ] as [(Float, String)] {
      x = grid.put(text, x: x, y: y, style: Theme.value(v), limit: limit) + 1
    }
    var parts = ["│ [7] step done, [ ] not run yet"]
    if state.trace.model.variant != .linear { parts.append("│ 0 1 on the tanh curve: h[0] h[1]") }
    parts += ["│ ▁▄█ low to high", "│ ? more"]
    for part in parts {
      guard x + DisplayWidth.of(part) + 1 <= limit else { break }
      x = grid.put(part, x: x, y: y, style: Theme.label, limit: limit) + 1
    }
  }
}
