/// The search prompt in the status line: `/` and what has been typed, its end kept in
/// view when it is longer than the room, then a cursor block (and, while nothing is
/// typed, the forms it takes).
enum SearchPromptLine {
  static func draw(_ text: String, on grid: inout CellGrid, x: Int, y: Int) {
    let room = max(1, grid.width - x - 2)
    var shown = TerminalText.escaped(text)
    while DisplayWidth.of(shown) > room - 1, !shown.isEmpty { shown.removeFirst() }
    let end = grid.put("/" + shown, x: x, y: y, style: Theme.statusKey)
    let after = grid.put("▏", x: end, y: y, style: Theme.statusKey)
    // An empty prompt says what it takes, until the first key.
    if text.isEmpty {
      PlayerView.putClipped(&grid, hint, x: after, y: y, style: Theme.statusBar)
    }
  }

  static let hint = " tanh, word over, t 4, h[0] < 0, sign h[0], |h| > 0.9; Enter, Esc, ↑ earlier"
}
