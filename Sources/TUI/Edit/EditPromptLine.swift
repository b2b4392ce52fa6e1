/// Edit mode on the bottom lines: the status line names the element under the cursor,
/// its value and what is typed (`edit w_h[0,0] = -0.2138 → 1.5▏`); the narration line
/// says which keys do what, or the latest message.
enum EditPromptLine {
  static func draw(
    _ editor: EditorState, state: PlayerState, on grid: inout CellGrid, x: Int, y: Int
  ) {
    var text = "edit \(editor.elementName) = "
    if case .word(let t) = editor.target.kind {
      text += "\"\(state.editedChapter.trace.words[t - 1])\""
    } else if let value = state.editedValue(editor) {
      text += NumberFormat.value(value)
    }
    text += " → "
    var end = grid.put(TerminalText.escaped(text), x: x, y: y, style: Theme.statusKey)
    end = grid.put(TerminalText.escaped(editor.typed), x: end, y: y, style: Theme.statusBar)
    grid.put("▏", x: end, y: y, style: Theme.statusBar)
  }

  /// The narration line in edit mode.
  static func narration(_ editor: EditorState, message: StatusMessage?) -> String {
    message?.text ?? "what-if: " + (editor.isOnWord ? EditorState.wordKeys : EditorState.keys)
  }
}
