import Model

/// An element-wise operation, its operands above its result: the sum z_t of the hidden
/// path and the input path, or a bias or tanh that has no product to join.
struct ElementwisePanel: Panel {
  let index: Int
  let name: String
  var events: [Int] { [index] }
  var naturalHeight: Int { 2 + operandCount }
  var minimumHeight: Int { 2 + operandCount }
  let operandCount: Int

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    // The longest heading that fits, rather than a cut one.
    let z = event.result.name
    let details =
      event.operation == .add
      ? ["\(z) = hidden path + input path", "\(z) = hidden + input path", z]
      : [Notation.rowVectors(event.formula)]
    let room = rect.width - DisplayWidth.of(context.stepLabel(index) + " \(name)  ")
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: name,
      detail: details.first { DisplayWidth.of($0) <= room } ?? details.last!)
    var rows: [LabeledRows.Row] = []
    for (i, operand) in event.operands.enumerated() {
      rows.append(
        LabeledRows.Row(
          label: (i == 0 ? "" : "+ ") + Notation.name(operand.name), values: operand.value.scalars,
          pending: !context.isKnown(operand.name, before: index)))
    }
    rows.append(
      LabeledRows.Row(
        label: "= \(Notation.name(event.result.name))", values: event.result.value.scalars,
        pending: pending))
    LabeledRows(rows: rows).draw(
      on: &grid, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
  }
}
