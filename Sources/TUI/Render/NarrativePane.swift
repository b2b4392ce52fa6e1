/// A lesson's text for the current step, wrapped to the screen's width.
enum NarrativePane {
  static func lines(_ paragraphs: [String], width: Int) -> [String] {
    paragraphs.flatMap { wrap(TerminalText.escaped($0), width: max(10, width)) }
  }

  /// The first line shown when the text is scrolled to `offset`: never so far that
  /// rows are left empty (a resize can shorten the text under a scrolled pane).
  static func firstLine(lineCount: Int, rows: Int, offset: Int) -> Int {
    max(0, min(offset, lineCount - rows))
  }

  /// Draws `rows` lines from line `offset` on. When the text does not fit, the last
  /// row says which key shows the rest, as a pager's prompt does.
  static func draw(
    on grid: inout CellGrid, lines: [String], from offset: Int, rows: Int, y: Int,
    style: CellStyle = Theme.narrative
  ) {
    let first = firstLine(lineCount: lines.count, rows: rows, offset: offset)
    let shown = lines[first..<min(lines.count, first + rows)]
    let moreBelow = first + rows < lines.count
    for (i, line) in shown.enumerated() {
      let row = y + i
      // The rest is a page away; going back is only offered where it costs no text
      // (the last line of the text is never cut for it).
      var hint = moreBelow ? "} more" : first > 0 ? "{ back" : nil
      if !moreBelow, DisplayWidth.of(line) + 10 > grid.width { hint = nil }
      guard i == rows - 1, let hint else {
        PlayerView.putClipped(&grid, line, x: 1, y: row, style: style)
        continue
      }
      let hintX = grid.width - DisplayWidth.of(hint) - 1
      PlayerView.putClipped(
        &grid, moreBelow ? line + " …" : line, x: 1, y: row, style: style,
        limit: hintX - 1)
      grid.put(hint, x: hintX, y: row, style: Theme.label)
    }
  }

  /// Greedy word wrap; a word longer than the width is cut.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard TerminalText.isSimple(text) else {
      return wrapMeasuringLines(text, width: width)
    }
    // A scalar is a grapheme and a column here, so a line's width is the sum of its
    // words' and spaces': no need to measure each candidate line again.
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordWidth = word.unicodeScalars.count
      if line.isEmpty {
        line = String(word)
        lineWidth = wordWidth
      } else if lineWidth + 1 + wordWidth <= width {
        line += " "
        line += word
        lineWidth += 1 + wordWidth
      } else {
        lines.append(line)
        line = String(word)
        lineWidth = wordWidth
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// The same wrap for any text: each candidate line measured as a whole, since joining
  /// two words with a space can change how their graphemes break.
  private static func wrapMeasuringLines(_ text: String, width: Int) -> [String] {
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
