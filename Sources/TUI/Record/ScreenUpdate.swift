/// The terminal output that turns one screen into another: only the cells that
/// changed, reached by cursor moves, styled by SGR sequences, and the blank end of a
/// row cleared with one erase, as a terminal program sends a frame.
///
/// Pure: grids in, text out. A recording writes this text as the cast's output, so a
/// viewer's terminal (or asciinema's player) rebuilds the player's screen from it. The
/// sequences are the common ECMA-48 ones every terminal emulator knows: CUP (`ESC[r;cH`),
/// CUF (`ESC[nC`), SGR (`ESC[…m`), EL (`ESC[K`), ED (`ESC[2J`) and DECTCEM (`ESC[?25l`).
public struct ScreenUpdate: Sendable {
  public let palette: TerminalPalette

  public init(palette: TerminalPalette) { self.palette = palette }

  /// Output that hides the cursor, clears the terminal and draws `grid` on it.
  public func full(_ grid: CellGrid) -> String {
    "\u{1B}[?25l\u{1B}[0m\u{1B}[H\u{1B}[2J" + changes(from: CellGrid(size: grid.size), to: grid)
  }

  /// Output that turns the screen `old` into `new`: empty when they look the same. A
  /// screen of another size (or none) is drawn whole.
  public func changes(from old: CellGrid?, to new: CellGrid) -> String {
    guard let old, old.size == new.size else { return full(new) }
    var out = Output(width: new.width)
    var changed = [Bool](repeating: false, count: new.width)
    for y in 0..<new.height {
      guard mark(&changed, row: y, old: old, new: new) else { continue }
      draw(row: y, of: new, changed: changed, into: &out)
    }
    if !out.text.isEmpty && out.style != .plain { out.text += TerminalStyle.plain.sgr }
    return out.text
  }

  /// What a terminal receives between frames.
  private struct Output {
    let width: Int
    var text = ""
    /// Where the cursor is, or nil when it is not known (at the start, or after the
    /// last column, where terminals differ on whether it has wrapped).
    var x: Int?
    var y = 0
    var style = TerminalStyle.plain

    init(width: Int) { self.width = width }

    mutating func move(toX x: Int, y: Int) {
      if let current = self.x, self.y == y {
        if current == x { return }
        if x > current {
          text += x - current == 1 ? "\u{1B}[C" : "\u{1B}[\(x - current)C"
          self.x = x
          return
        }
      }
      text += x == 0 ? "\u{1B}[\(y + 1)H" : "\u{1B}[\(y + 1);\(x + 1)H"
      self.x = x
      self.y = y
    }

    mutating func set(_ style: TerminalStyle) {
      guard style != self.style else { return }
      text += style.sgr
      self.style = style
    }

    mutating func advance(by columns: Int) {
      guard let x else { return }
      self.x = x + columns < width ? x + columns : nil
    }
  }

  /// Marks the columns of row `y` to write; false if the row looks the same.
  ///
  /// Half a wide character is never written alone: a terminal that gets a character
  /// over either half of a wide one blanks the other half, so a change to one half
  /// rewrites its neighbour too.
  private func mark(_ changed: inout [Bool], row y: Int, old: CellGrid, new: CellGrid) -> Bool {
    let width = new.width
    let row = y * width
    var any = false
    for x in 0..<width {
      changed[x] = !looksSame(old, old.storage[row + x], new, new.storage[row + x])
      any = any || changed[x]
    }
    guard any else { return false }
    var widened = changed
    for x in 0..<width where changed[x] {
      let (before, after) = (old.storage[row + x], new.storage[row + x])
      if x > 0, before.isContinuation || after.isContinuation { widened[x - 1] = true }
      if x + 1 < width,
        old.storage[row + x + 1].isContinuation || new.storage[row + x + 1].isContinuation
      {
        widened[x + 1] = true
      }
    }
    changed = widened
    return true
  }

  /// Writes the marked cells of row `y`: runs of cells, with short unchanged gaps
  /// written over rather than jumped (a cursor move costs more), and an erase for the
  /// row's blank end.
  private func draw(row y: Int, of grid: CellGrid, changed: [Bool], into out: inout Output) {
    let width = grid.width
    let row = y * width
    // The last column that is not a plain blank: past it, one erase does.
    var last = width - 1
    while last >= 0, isBlank(grid, grid.storage[row + last]) { last -= 1 }
    var x = 0
    while x <= last {
      guard changed[x] else {
        x += 1
        continue
      }
      out.move(toX: x, y: y)
      // Write on through unchanged gaps of up to 3 cells.
      var end = x
      var probe = x
      while probe <= last, probe - end <= 3 {
        if changed[probe] { end = probe }
        probe += 1
      }
      while x <= end {
        let cell = grid.storage[row + x]
        if cell.isContinuation {
          // Its wide character, just written, covers it.
          x += 1
          continue
        }
        out.set(TerminalStyle(grid.style(cell.style), palette: palette))
        let paired = x + 1 < width && grid.storage[row + x + 1].isContinuation
        let columns = append(cell, of: grid, paired: paired, to: &out.text)
        out.advance(by: columns)
        x += columns
      }
    }
    if last + 1 < width, changed[(last + 1)...].contains(true) {
      out.move(toX: last + 1, y: y)
      out.set(.plain)
      out.text += "\u{1B}[K"
    }
  }

  /// Appends one cell's character; returns the columns it takes. The grid has
  /// escaped what it was given already; a control or format character that reached a
  /// cell some other way goes out as `?`, never raw, and so does a wide character
  /// without its right half (`paired`), which would push the rest of the row along.
  private func append(
    _ cell: CellGrid.Stored, of grid: CellGrid, paired: Bool, to text: inout String
  ) -> Int {
    if cell.code < 0x80 {
      let safe = cell.code >= 0x20 && cell.code != 0x7F
      text.unicodeScalars.append(Unicode.Scalar(UInt8(safe ? cell.code : 0x3F)))
      return 1
    }
    let character = grid.text(cell)
    let columns = max(1, DisplayWidth.of(character))
    if columns == 2 && !paired {
      text += "?"
      return 1
    }
    if character.unicodeScalars.allSatisfy(TerminalText.isSafe) {
      text += character
    } else {
      text += String(repeating: "?", count: columns)
    }
    return columns
  }

  private func isBlank(_ grid: CellGrid, _ cell: CellGrid.Stored) -> Bool {
    cell.code == CellGrid.Stored.space
      && TerminalStyle(grid.style(cell.style), palette: palette) == .plain
  }

  /// Whether two cells show the same: the same character in the same rendition (two
  /// tones that one palette draws alike look the same).
  private func looksSame(
    _ a: CellGrid, _ p: CellGrid.Stored, _ b: CellGrid, _ q: CellGrid.Stored
  ) -> Bool {
    // A grapheme of several scalars is numbered by its own grid: compare its text.
    let several = { (cell: CellGrid.Stored) in
      cell.code >= CellGrid.Stored.multiScalar && !cell.isContinuation
    }
    if several(p) || several(q) {
      if a.text(p) != b.text(q) { return false }
    } else if p.code != q.code {
      return false
    }
    if p.style == q.style, p.style.sideTableIndex == nil { return true }
    return TerminalStyle(a.style(p.style), palette: palette)
      == TerminalStyle(b.style(q.style), palette: palette)
  }
}
