/// Rows of values under shared columns, each with a label on the left: how the sum and
/// tanh panels lay out their operands and results.
struct LabeledRows {
  struct Row {
    var label: String
    var labelStyle: CellStyle = Theme.label
    var values: [Float]
    /// Shown as dots: the operation that makes these values has not run.
    var pending: Bool
  }

  let rows: [Row]

  /// Draws the rows from the top of `rect`; returns the row after the last.
  @discardableResult
  func draw(on grid: inout CellGrid, in rect: Rect) -> Int {
    let count = rows.first?.values.count ?? 0
    var widths = ColumnWidth()
    for row in rows { widths.include(row.values) }
    let width = widths.columns
    // The values come first: labels give up room (and end in …) so that all of a small
    // vector shows.
    let room = rect.width - 4 - count * width
    let labelWidth = min(
      rows.map { DisplayWidth.of($0.label) }.max() ?? 0, max(8, room))
    let valuesX = rect.x + 2 + labelWidth + 2
    let columns = ValueColumns(
      count: count, width: width, available: rect.maxX - valuesX, focus: nil)
    var y = rect.y
    for row in rows where y < rect.maxY {
      grid.put(
        "  " + padLeft(row.label, to: labelWidth), x: rect.x, y: y, style: row.labelStyle,
        limit: rect.maxX)
      grid.put(" │", x: rect.x + 2 + labelWidth, y: y, style: Theme.rule, limit: rect.maxX)
      columns.draw(
        on: &grid, x: valuesX, y: y, limit: rect.maxX,
        text: { valueText(row.values[$0], pending: row.pending) },
        style: { valueStyle(row.values[$0], pending: row.pending) })
      y += 1
    }
    return y
  }
}
