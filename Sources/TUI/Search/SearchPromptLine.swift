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

  /// A search under way: what it looks for, how far it has got, how to stop it.
  static func drawRunning(_ scan: SearchScan, on grid: inout CellGrid, x: Int, y: Int) {
    let end = grid.put(
      "/" + TerminalText.escaped(scan.text) + "  ", x: x, y: y, style: Theme.statusKey)
    PlayerView.putClipped(
      &grid,
      "searching\(scan.forward ? "" : " back")… t \(grouped(scan.t))/\(grouped(scan.wordCount)), Esc stops",
      x: end, y: y, style: Theme.statusBar)
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "-" : ""
    for (k, digit) in digits.enumerated() {
      if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return out
  }

  static let hint = " tanh, word over, t 4, h[0] < 0, sign h[0], |h| > 0.9; Enter, Esc, ↑ earlier"
}
