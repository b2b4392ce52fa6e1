/// What a terminal too small for the player shows until it is enlarged.
enum TooSmallScreen {
  static func draw(on grid: inout CellGrid, needed: [ScreenSize]) {
    let options = needed.map(\.description)
    let sizes =
      options.count > 1
      ? options.dropLast().joined(separator: ", ") + " or " + options.last! : options.first ?? ""
    let text =
      "The terminal is \(grid.size); rnntrace needs at least \(sizes). "
      + "Enlarge the window, or press q to quit."
    let lines = NarrativePane.wrap(text, width: max(1, grid.width - 2))
    let top = max(0, (grid.height - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < grid.height {
      let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
      grid.put(line, x: x, y: top + i, style: i == 0 ? Theme.titleDone : .plain)
    }
  }
}
