/// Marks what a what-if moved: each panel is drawn a second time from the original run,
/// and every number whose text differs there is marked in the frame (bold, in the
/// accent colour), so the eye finds exactly what changed without reading every value.
enum ChangeMarks {
  /// Marks the numbers of `grid`'s panels that read otherwise in the original run.
  static func mark(_ grid: inout CellGrid, state: PlayerState, placed: [(any Panel, Rect)]) {
    guard state.whatIf != nil, !state.showsDelta, !state.isAwaitingRecompute else { return }
    var original = state
    original.whatIfs[state.chapterIndex] = nil
    original.editor = nil
    let panels = PanelLayout.panels(for: original)
    guard panels.count == placed.count else { return }
    var before = CellGrid(size: grid.size)
    let context = PanelContext(state: original)
    for (panel, (_, rect)) in zip(panels, placed) {
      if let first = panel.events.first, original.isHidden(event: first) { continue }
      panel.draw(on: &before, in: rect, context: context)
      for y in rect.y..<min(rect.maxY, grid.height) {
        markRow(&grid, before, y: y, from: rect.x, to: min(rect.maxX, grid.width))
      }
    }
  }

  /// Each run of non-blank cells in row `y` with a cell unlike `before`'s is marked whole.
  private static func markRow(
    _ grid: inout CellGrid, _ before: CellGrid, y: Int, from: Int, to: Int
  ) {
    var x = from
    while x < to {
      guard !grid.isBlank(x: x, y: y) else {
        x += 1
        continue
      }
      var end = x
      var differs = false
      while end < to, !grid.isBlank(x: end, y: y) {
        if !grid.hasSameText(as: before, x: end, y: y) { differs = true }
        end += 1
      }
      if differs {
        grid.restyle(x: x, y: y, count: end - x) { style in
          guard !style.reverse else { return }
          style.bold = true
          style.dim = false
          style.tone = .accent
        }
      }
      x = end
    }
  }
}

extension CellGrid {
  /// Whether the cell at `x`, `y` holds a blank.
  func isBlank(x: Int, y: Int) -> Bool { storage[y * width + x].code == Stored.space }

  /// Whether the cell at `x`, `y` reads the same in `other` (a grid of the same size).
  func hasSameText(as other: CellGrid, x: Int, y: Int) -> Bool {
    let p = storage[y * width + x]
    let q = other.storage[y * width + x]
    if p.code == q.code, p.code < Stored.multiScalar || p.isContinuation { return true }
    return text(p) == other.text(q)
  }
}
