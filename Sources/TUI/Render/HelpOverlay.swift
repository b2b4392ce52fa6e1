/// Every key, from the same table the update reads, in a box over the screen.
enum HelpOverlay {
  static func draw(on grid: inout CellGrid) {
    let help = KeyMap.helpLines
    let keyWidth = help.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let lines = help.map { pad($0.keys, to: keyWidth) + "  " + $0.summary }
    let footer = "any key closes this help"
    let contentWidth = max(lines.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(footer))
    let width = min(grid.width - 2, contentWidth + 4)
    let height = min(grid.height - 2, lines.count + 4)
    let x = (grid.width - width) / 2
    let y = (grid.height - height) / 2
    let box = Rect(x: x, y: y, width: width, height: height)
    grid.fill(box)
    let horizontal = String(repeating: "─", count: max(0, width - 2))
    grid.put("┌" + horizontal + "┐", x: x, y: y, style: Theme.chrome)
    grid.put(" keys ", x: x + 2, y: y, style: Theme.titleCurrent)
    for row in 1..<(height - 1) {
      grid.put("│", x: x, y: y + row, style: Theme.chrome)
      grid.put("│", x: x + width - 1, y: y + row, style: Theme.chrome)
    }
    grid.put("└" + horizontal + "┘", x: x, y: y + height - 1, style: Theme.chrome)
    let room = height - 4
    for (i, line) in lines.prefix(room).enumerated() {
      let last = i == room - 1 && lines.count > room
      PlayerView.putClipped(
        &grid, last ? "… \(lines.count - room + 1) more: enlarge the terminal" : line,
        x: x + 2, y: y + 1 + i, style: .plain, limit: x + width - 2)
    }
    PlayerView.putClipped(
      &grid, footer, x: x + 2, y: y + height - 2, style: Theme.label, limit: x + width - 2)
  }
}
