import Model

/// Word → index → e_t: the lookup of the word's row in the embedding table.
struct EmbeddingPanel: Panel {
  let index: Int
  var events: [Int] { [index] }
  var naturalHeight: Int { 3 }
  var minimumHeight: Int { 3 }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let e = event.result
    let tableShape = event.operands.first?.value.shapeDescription ?? ""
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "embedding",
      detail: "table \(tableShape)")
    let row = pending ? "·" : event.index.map(String.init) ?? "?"
    let lookup =
      "\(Narration.quoted(event.word)) → index \(row) → \(e.name) = embedding[\(row)] "
      + e.value.shapeDescription
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
      style: { valueStyle(values[$0], pending: pending) })
  }
}
