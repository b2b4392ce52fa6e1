/// Where the learner is: `rnntrace │ RNN Pytorch │ ch 2/5 A sentence, word after word`
/// on the left, `no activation │ step 3/25 │ t 1/5 │ "the"` on the right: the model by
/// what it does, not by its option name (`linear` would read as nn.Linear). A model
/// computed with kernels other than this processor's names them first on the right
/// (`intel-avx512 │ no activation │ …`); on a short line they go first, before the model.
///
/// The chapter always shows: when the line is short, the lesson's title is shortened
/// first, then dropped, then the program's name, then the right side's parts (the
/// variant first), and only then is the chapter's title cut.
enum HeaderLine {
  static func draw(on grid: inout CellGrid, state: PlayerState) {
    let event = state.event
    let model = state.trace.model
    var right = [
      Notation.variantNames(model.variant)[0],
      "step \(state.eventIndex + 1)/\(state.chapter.stepCount)",
      "t \(event.t)/\(state.trace.words.count)\(event.pass == .backward ? " backward" : event.isAfterForward ? " loss" : "")",
      Narration.quoted(event.word),
    ]
    // After the traced round: what the screen is, in place of the time step and word.
    if let screen = state.trainingScreen, let training = state.chapter.training {
      right[2] = screen == .update ? "SGD update" : "loss curve"
      right[3] = screen == .update ? "after round 1" : "\(training.losses.count) rounds"
    }
    if model.kernels != .detected { right.insert(model.kernels.rawValue, at: 0) }
    let chapter = chapterText(state)
    // A what-if says so where the lesson's title stands: "what-if: w_h[0,0] = 1.5 (was …)".
    let lesson = TerminalText.escaped(
      state.whatIf?.badge ?? state.content.title)
    let width = grid.width - 2
    func rightText() -> String { right.joined(separator: " │ ") }
    var left = ""
    // The lesson's title keeps its clauses before the model's long name: each title,
    // longest first, with the long name and then the short one.
    let names = Notation.variantNames(model.variant)
    let variant = right.count - 4
    let withLesson = leftCandidates(
      program: "rnntrace", lesson: lesson, chapter: chapter, wordCuts: false
    ).filter { $0.components(separatedBy: " │ ").count == (chapter.isEmpty ? 2 : 3) }
    search: for candidate in withLesson {
      for name in names {
        right[variant] = name
        let room = width - DisplayWidth.of(TerminalText.escaped(rightText())) - 2
        if DisplayWidth.of(candidate) <= room {
          left = candidate
          break search
        }
      }
    }
    while left.isEmpty {
      let room = width - DisplayWidth.of(TerminalText.escaped(rightText())) - 2
      if let fitted =
        leftText(program: "rnntrace", lesson: lesson, chapter: chapter, room: room, wordCuts: false)
        ?? leftText(program: "rnntrace", lesson: lesson, chapter: chapter, room: room)
      {
        left = fitted
        break
      }
      if right.count > 1 {
        right.removeFirst()
        continue
      }
      left = chapter.isEmpty ? lesson : chapter
      break
    }
    let rightLine = rightText()
    grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: Theme.header)
    let rightX = max(0, grid.width - DisplayWidth.of(TerminalText.escaped(rightLine)) - 1)
    PlayerView.putClipped(&grid, left, x: 1, y: 0, style: Theme.header, limit: rightX - 2)
    PlayerView.putClipped(&grid, rightLine, x: rightX, y: 0, style: Theme.header)
  }

  /// `ch 2/5 A sentence, word after word`, or empty for a lone trace.
  static func chapterText(_ state: PlayerState) -> String {
    let chapter = state.chapter
    guard let number = chapter.number else {
      return TerminalText.escaped(chapter.title)
    }
    let count = state.content.chapterCount ?? state.content.chapters.count
    let place = "ch \(number)/\(count)"
    // A what-if's badge needs the room more than the chapter's title.
    return chapter.title.isEmpty || state.whatIf != nil
      ? place : place + " " + TerminalText.escaped(chapter.title)
  }

  /// The longest left side that fits in `room` columns, or nil if even the chapter alone
  /// does not.
  static func leftText(
    program: String, lesson: String, chapter: String, room: Int, wordCuts: Bool = true
  ) -> String? {
    leftCandidates(program: program, lesson: lesson, chapter: chapter, wordCuts: wordCuts)
      .first { DisplayWidth.of($0) <= room }
  }

  /// Every left side, longest first; `wordCuts` allows titles cut inside a clause.
  static func leftCandidates(program: String, lesson: String, chapter: String, wordCuts: Bool)
    -> [String]
  {
    let tail = chapter.isEmpty ? "" : " │ " + chapter
    var candidates = [program + " │ " + lesson + tail]
    for short in shortenings(of: lesson) where wordCuts || !short.hasSuffix("…") {
      candidates.append(program + " │ " + short + tail)
    }
    if !chapter.isEmpty {
      candidates.append(program + " │ " + chapter)
      candidates.append(chapter)
    } else {
      candidates.append(lesson)
    }
    return candidates
  }

  /// A title cut shorter and shorter: at its clauses first (`RNN Pytorch, one operation
  /// at a time` → `RNN Pytorch`), then word by word with `…`.
  static func shortenings(of title: String) -> [String] {
    var out: [String] = []
    for separator in [": ", ", ", " — ", " - ", " ("] {
      if let range = title.range(of: separator) {
        out.append(String(title[..<range.lowerBound]))
      }
    }
    let clauses = Set(out)
    var words = title.split(separator: " ")
    while words.count > 1 {
      words.removeLast()
      // `RNN Pytorch,…` reads worse than the clause `RNN Pytorch`, which is shorter.
      let cut = words.joined(separator: " ")
      let bare = String(cut.reversed().drop { ",;:—-".contains($0) }.reversed())
      if clauses.contains(bare) { continue }
      out.append(cut + "…")
    }
    return out.sorted { DisplayWidth.of($0) > DisplayWidth.of($1) }
  }
}
