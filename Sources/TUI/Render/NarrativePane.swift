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
