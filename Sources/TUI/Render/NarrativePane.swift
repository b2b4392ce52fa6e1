/// A lesson's text for the current step, wrapped to the screen's width.
enum NarrativePane {
  static func lines(_ paragraphs: [String], width: Int) -> [String] {
    paragraphs.flatMap { wrap(TerminalText.escaped($0), width: max(10, width)) }
  }

  static func draw(on grid: inout CellGrid, lines: [String], rows: Int, y: Int) {
    for (i, line) in lines.prefix(rows).enumerated() {
      let last = i == rows - 1 && lines.count > rows
      PlayerView.putClipped(
        &grid, last ? line + " …" : line, x: 1, y: y + i, style: Theme.narrative)
    }
  }

  /// Greedy word wrap; a word longer than the width is cut.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if DisplayWidth.of(candidate) <= width {
        line = candidate
      } else {
        if !line.isEmpty { lines.append(line) }
        line = String(word)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
