/// What is playing, and where: `rnntrace │ model … │ linear-tanh │ step 3/40 │ t 1/5 │ "the"`.
enum HeaderLine {
  static func draw(on grid: inout CellGrid, state: PlayerState) {
    let event = state.event
    var title = state.content.title
    if !state.chapter.title.isEmpty {
      title += " — " + state.chapter.title
    }
    if state.content.chapters.count > 1 {
      title += " (\(state.chapterIndex + 1)/\(state.content.chapters.count))"
    }
    let right = [
      state.trace.model.variant.rawValue,
      "step \(state.eventIndex + 1)/\(state.chapter.stepCount)",
      "t \(event.t)/\(state.chapter.wordEvents.count)",
      Narration.quoted(event.word),
    ]
    // Parts drop from the left of the list (the variant first) when the line is short.
    var parts = right
    var rightText = parts.joined(separator: " │ ")
    while DisplayWidth.of(rightText) > grid.width - 20, parts.count > 1 {
      parts.removeFirst()
      rightText = parts.joined(separator: " │ ")
    }
    grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: Theme.header)
    let rightX = max(0, grid.width - DisplayWidth.of(TerminalText.escaped(rightText)) - 1)
    PlayerView.putClipped(
      &grid, "rnntrace │ " + title, x: 1, y: 0, style: Theme.header, limit: rightX - 2)
    PlayerView.putClipped(&grid, rightText, x: rightX, y: 0, style: Theme.header)
  }
}
