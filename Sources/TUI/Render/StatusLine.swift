/// The bottom line: playing or paused and how fast, a pending count, the drill, then
/// the main keys (from the key table) or the latest message.
enum StatusLine {
  static func draw(on grid: inout CellGrid, state: PlayerState) {
    let y = grid.height - 1
    grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: Theme.statusBar)
    var left =
      state.isPlaying ? " ▶ playing \(state.speed.label)" : " ❚❚ paused \(state.speed.label)"
    if let drill = state.drill, let product = state.product {
      left += " │ drill [\(drill.output)] term \(drill.term + 1)/\(product.inner)"
    }
    if let number = state.typedNumber { left += " │ \(number)_ (g: go to step)" }
    if state.isRecording { left += " │ ● rec" }
    if state.quiz.showsScore { left += " │ \(state.quiz.score)" }
    if let whatIf = state.whatIf {
      left +=
        " │ \(state.showsDelta ? "Δ " : "")what-if ×\(whatIf.edits.count)"
        + WhatIfNote.progress(state)
    }
    var x = grid.put(left + " │ ", x: 0, y: y, style: Theme.statusKey)
    if let editor = state.editor {
      EditPromptLine.draw(editor, state: state, on: &grid, x: x, y: y)
      return
    }
    if let question = state.quiz.asking {
      QuizLine.drawPrompt(question, quizIsOn: state.quiz.isOn, on: &grid, x: x, y: y)
      return
    }
    if let scan = state.search.running {
      SearchPromptLine.drawRunning(scan, on: &grid, x: x, y: y)
      return
    }
    if let prompt = state.search.prompt {
      SearchPromptLine.draw(prompt, on: &grid, x: x, y: y)
      return
    }
    if let message = state.message {
      PlayerView.putClipped(
        &grid, message.text, x: x, y: y,
        style: message.isError ? Theme.statusError : Theme.statusBar)
      return
    }
    // The what-if key comes last: on 80 columns, help and quit keep their places.
    let bindings =
      KeyMap.bindings.filter { $0.action != .whatIf }
      + KeyMap.bindings.filter { $0.action == .whatIf }
    for binding in bindings {
      guard let name = binding.statusName, let key = binding.keys.first else { continue }
      let width = DisplayWidth.of(key.label) + DisplayWidth.of(name) + 3
      guard x + width <= grid.width else { break }
      x = grid.put(key.label, x: x, y: y, style: Theme.statusKey)
      x = grid.put(" " + name + "  ", x: x, y: y, style: Theme.statusBar)
    }
  }
}
