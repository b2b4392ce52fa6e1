/// The search prompt in the status line: `/` and what has been typed, its end kept in
/// view when it is longer than the room, then a cursor block.
enum SearchPromptLine {
  static func draw(_ text: String, on grid: inout CellGrid, x: Int, y: Int) {
    let room = max(1, grid.width - x - 2)
    var shown = TerminalText.escaped(text)
    while DisplayWidth.of(shown) > room - 1, !shown.isEmpty { shown.removeFirst() }
    let end = grid.put("/" + shown, x: x, y: y, style: Theme.statusKey)
    _ = grid.put("▏", x: end, y: y, style: Theme.statusKey)
  }
}
