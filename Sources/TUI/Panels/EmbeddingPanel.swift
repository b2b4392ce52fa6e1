import Model

/// Word → index → e_t: the lookup of the word's row in the embedding table, drawn with
/// the whole table where there is room, the word's row highlighted.
struct EmbeddingPanel: Panel {
  let index: Int
  /// The table's words, one per row.
  let vocabulary: [String]
  var events: [Int] { [index] }
  /// The whole table fits a screen for a vocabulary this small.
  static let mostTableRows = 12
  private var drawsTable: Bool { vocabulary.count <= EmbeddingPanel.mostTableRows }
  var naturalHeight: Int { drawsTable ? 3 + vocabulary.count : 3 }
  var minimumHeight: Int { 3 }
  /// The other words' rows go first: the word's own row is what the step reads.
  var shrinkPriority: Int { 2 }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let e = event.result
    let table = event.operands.first?.value
    let tableShape = table?.shapeDescription ?? ""
    let row = pending ? "·" : event.index.map(String.init) ?? "?"
    let word = Narration.quoted(event.word)
    let lookups = [
      "\(word) → index \(row) → \(e.name) = embedding[\(row)] " + e.value.shapeDescription,
      "\(word) → index \(row) → \(e.name) = embedding[\(row)]",
      "\(word) → \(row) → \(e.name)",
    ]
    let room = rect.width - 1
    let lookup = lookups.first { DisplayWidth.of(TerminalText.escaped($0)) <= room } ?? lookups[2]
    if let table, drawsTable, rect.height >= 4, let fit = tableFit(table, width: rect.width) {
      let titleRoom = rect.width - DisplayWidth.of(context.stepLabel(index) + " embedding  ")
      let long = "table \(tableShape): a row per word"
      context.drawTitle(
        on: &grid, in: rect, event: index, panel: events, name: "embedding",
        detail: DisplayWidth.of(long) <= titleRoom ? long : "table \(tableShape)")
      PlayerView.putClipped(
        &grid, " " + lookup, x: rect.x, y: rect.y + 1, style: .plain, limit: rect.maxX)
      drawTable(
        table, on: &grid, in: rect, y: rect.y + 2, current: pending ? nil : event.index,
        name: fit.marker ? e.name : nil, wordWidth: fit.wordWidth,
        element: readElement(context, name: e.name),
        cursor: context.editCursorColumn("embedding.weight"))
      return
    }
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "embedding",
      detail: "table \(tableShape)")
    PlayerView.putClipped(
      &grid, " " + lookup, x: rect.x, y: rect.y + 1, style: .plain, limit: rect.maxX)
    let values = e.value.scalars
    let label = " \(e.name) │"
    let x = grid.put(label, x: rect.x, y: rect.y + 2, style: Theme.label, limit: rect.maxX)
    let columns = ValueColumns(
      count: values.count, width: columnWidth(values), available: rect.maxX - x, focus: nil)
    columns.draw(
      on: &grid, x: x, y: rect.y + 2, limit: rect.maxX,
      text: { valueText(values[$0], pending: pending) },
      style: { j in
        if context.editCursorColumn("embedding.weight") == j { return Theme.editCursor }
        return j == readElement(context, name: e.name) && !pending
          ? Theme.drillCell : valueStyle(values[j], pending: pending)
      })
  }

  /// The element of e_t a drill into a product of e_t is at, to mark in its row.
  private func readElement(_ context: PanelContext, name: String) -> Int? {
    guard let reading = context.reading, reading.name == name else { return nil }
    return reading.element
  }

  /// `[2] jumped │ -0.9202  0.9042 … ← e_3`: every row, the word's own highlighted.
  /// How the whole table's columns fit `width`: with the words and the `← e_t` mark if
  /// they can, else without the words, else without the mark; nil if not even that.
  private func tableFit(_ table: Tensor, width: Int) -> (wordWidth: Int, marker: Bool)? {
    let words = vocabulary.map { DisplayWidth.of(TerminalText.escaped($0)) }
    let indexWidth = String(vocabulary.count - 1).count + 2
    let values = table.columns * columnWidth(table.scalars)
    let wordWidth = min(10, words.max() ?? 0)
    for (w, marker) in [(wordWidth, true), (0, true), (0, false)] {
      if 1 + indexWidth + (w > 0 ? w + 1 : 0) + 2 + values + (marker ? 6 : 0) <= width {
        return (w, marker)
      }
    }
    return nil
  }

  private func drawTable(
    _ table: Tensor, on grid: inout CellGrid, in rect: Rect, y top: Int, current: Int?,
    name: String?, wordWidth: Int, element: Int?, cursor: Int? = nil
  ) {
    let words = vocabulary.map { TerminalText.escaped($0) }
    let indexWidth = String(vocabulary.count - 1).count + 2
    let valuesX = rect.x + 1 + indexWidth + (wordWidth > 0 ? wordWidth + 1 : 0) + 2
    let marker = name.map { " ← \($0)" } ?? ""
    let columns = ValueColumns(
      count: table.columns, width: columnWidth(table.scalars),
      available: rect.maxX - valuesX - DisplayWidth.of(marker), focus: nil)
    let rows = Elision.indices(
      count: table.rows, capacity: rect.maxY - top, focus: current ?? 0)
    for (i, shown) in rows.enumerated() {
      let y = top + i
      guard let r = shown else {
        grid.put(
          pad(padLeft("⋮", to: indexWidth), to: valuesX - rect.x - 3) + " │", x: rect.x + 1, y: y,
          style: Theme.gap, limit: rect.maxX)
        continue
      }
      let isCurrent = r == current
      let labelStyle = isCurrent ? Theme.drillCell : Theme.label
      let label =
        padLeft("[\(r)]", to: indexWidth)
        + (wordWidth > 0 ? " " + pad(words[r], to: wordWidth) : "")
      PlayerView.putClipped(
        &grid, label, x: rect.x + 1, y: y, style: labelStyle, limit: valuesX - 2)
      grid.put(" │", x: valuesX - 2, y: y, style: Theme.rule, limit: rect.maxX)
      columns.draw(
        on: &grid, x: valuesX, y: y, limit: rect.maxX,
        text: { .value(table[r, $0]) },
        style: { j in
          var style = Theme.value(table[r, j])
          if isCurrent && j == cursor { return Theme.editCursor }
          if isCurrent && j == element { return Theme.drillCell }
          if isCurrent {
            style.bold = true
            style.underline = true
          } else {
            style.dim = current != nil
          }
          return style
        })
      if isCurrent, !marker.isEmpty {
        grid.put(
          marker, x: valuesX + columns.totalWidth, y: y, style: Theme.titleDone, limit: rect.maxX)
      }
    }
  }
}
