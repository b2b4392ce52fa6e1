import Model

/// A matrix product drawn as the lesson computes it: the vector down the left, one
/// element per row of the matrix, and each result element the sum down its column.
/// The bias (or the first RNN class's inner tanh) that follows joins the same panel.
struct ProductPanel: Panel {
  let index: Int
  /// The bias or inner tanh that follows the product, if any.
  let followUp: Int?
  let product: MatrixProduct

  var events: [Int] { [index] + (followUp.map { [$0] } ?? []) }
  private var followUpRows: Int {
    guard followUp != nil else { return 0 }
    return isBias ? 2 : 1
  }
  private var isBias = false

  init?(index: Int, followUp: Int?, events: [TraceEvent]) {
    guard let product = MatrixProduct(events[index]) else { return nil }
    self.index = index
    self.followUp = followUp
    self.product = product
    if let followUp {
      let operation = events[followUp].operation
      isBias = operation == .biasInput || operation == .biasHidden
    }
  }

  var naturalHeight: Int { 3 + product.inner + followUpRows }
  var minimumHeight: Int { 3 + min(product.inner, 2) + followUpRows }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let status = context.status(index)
    let drill = status == .current ? context.state.drill : nil
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events,
      name: "\(Notation.rowVectors(event.formula)):",
      detail: product.shapes)

    let follow = followUp.map { context.events[$0] }
    let followPending = followUp.map { context.status($0) == .pending } ?? true
    let followLabel: String
    if let followUp, let follow {
      let operation = isBias ? "+ \(Notation.name(follow.operands.last?.name ?? "bias"))" : "tanh"
      followLabel = "\(context.stepLabel(followUp)) \(operation)"
    } else {
      followLabel = ""
    }
    let vector = product.vector.value.scalars
    let indexWidth = String(product.inner - 1).count + 2
    let vectorWidth = columnWidth(vector)
    let resultLabel = "= \(Notation.name(product.result.name))"
    // The vector's column is as wide as its numbers; the labels below it may widen it
    // only while every column of the matrix still shows.
    let vectorPart = indexWidth + vectorWidth
    var widths = ColumnWidth(product.result.value.scalars)
    for k in 0..<product.inner {
      for j in 0..<product.outputs { widths.include(product.matrix(k, j)) }
    }
    if let follow {
      widths.include(follow.result.value.scalars)
      widths.include(follow.operands.last!.value.scalars)
    }
    let valueWidth = widths.columns
    let biasResult = isBias ? follow.map { "= " + Notation.name($0.result.name) } ?? "" : ""
    let labels =
      max(
        DisplayWidth.of(followLabel), DisplayWidth.of(resultLabel), DisplayWidth.of(biasResult))
      + 1
    let spare = rect.width - 2 - product.outputs * valueWidth
    let left = max(vectorPart, min(labels, spare, 18))
    let matrixX = rect.x + left + 2

    let columns = ValueColumns(
      count: product.outputs, width: valueWidth, available: rect.maxX - matrixX,
      focus: drill?.output)
    let fixed = 3 + followUpRows
    let rows = Elision.indices(
      count: product.inner, capacity: max(1, rect.height - fixed), focus: drill?.term)

    // Header: the names over the vector and the matrix.
    let vectorName = product.vector.name
    grid.put(
      padLeft(vectorName, to: left), x: rect.x, y: rect.y + 1, style: Theme.label, limit: rect.maxX)
    // nn.Linear stores its weight out × in and multiplies by its transpose: said once,
    // where the transpose is drawn.
    let matrixName = Notation.matrix(product.weight.name, transposed: product.transposed)
    let weight = product.weight.name
    let headers =
      product.transposed
      ? [
        " │ \(matrixName)  (\(weight) transposed)", " │ \(matrixName) = \(weight)ᵀ",
        " │ " + matrixName,
      ] : [" │ " + matrixName]
    let room = rect.maxX - rect.x - left
    PlayerView.putClipped(
      &grid, headers.first { DisplayWidth.of($0) <= room } ?? headers.last!, x: rect.x + left,
      y: rect.y + 1, style: Theme.label, limit: rect.maxX)

    var y = rect.y + 2
    for row in rows {
      defer { y += 1 }
      guard let k = row else {
        grid.put(pad("⋮", to: left), x: rect.x, y: y, style: Theme.gap, limit: rect.maxX)
        grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
        columns.draw(
          on: &grid, x: matrixX, y: y, limit: rect.maxX, text: { _ in .text("⋮") },
          style: { _ in Theme.gap })
        continue
      }
      let inRow = drill?.term == k
      var vectorStyle = Theme.value(vector[k])
      if inRow {
        vectorStyle.underline = true
        vectorStyle.bold = true
      }
      let indexText = "[\(k)]"
      grid.put(indexText, x: rect.x, y: y, style: Theme.label, limit: rect.maxX)
      NumberFormat.withSigned(vector[k]) { bytes in
        grid.put(
          ascii: bytes, x: rect.x + left - bytes.count, y: y, style: vectorStyle,
          limit: rect.maxX)
      }
      grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
      columns.draw(
        on: &grid, x: matrixX, y: y, limit: rect.maxX,
        text: { .value(product.matrix(k, $0)) },
        style: { j in
          var style = Theme.value(product.matrix(k, j))
          if let drill {
            if drill.term == k && drill.output == j { return Theme.drillCell }
            if drill.term == k { style.underline = true }
            if drill.output == j && k < drill.term { style.bold = true }
          }
          return style
        })
    }

    // The result: final values, or in a drill the running sum of the column in use.
    let result = product.result.value.scalars
    grid.put(
      padLeft(resultLabel, to: left), x: rect.x, y: y, style: Theme.label, limit: rect.maxX)
    grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
    columns.draw(
      on: &grid, x: matrixX, y: y, limit: rect.maxX,
      text: { j in
        if let drill {
          if j == drill.output { return .value(product.runningSum(drill)) }
          if j > drill.output { return .text("·") }
        }
        return valueText(result[j], pending: status == .pending)
      },
      style: { j in
        if let drill {
          if j == drill.output { return Theme.drillCell }
          if j > drill.output { return Theme.pending }
        }
        return valueStyle(result[j], pending: status == .pending)
      })
    y += 1

    guard let follow else { return }
    let followStatus = context.status(followUp!)
    var followStyle = followStatus == .current ? Theme.titleCurrent : Theme.label
    if followStatus == .pending { followStyle = Theme.titlePending }
    if isBias {
      let bias = follow.operands.last!.value.scalars
      grid.put(
        pad(followLabel, to: left), x: rect.x, y: y, style: followStyle, limit: rect.x + left)
      grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
      columns.draw(
        on: &grid, x: matrixX, y: y, limit: rect.maxX,
        text: { .value(bias[$0]) }, style: { Theme.value(bias[$0]) })
      y += 1
    }
    let followResult = follow.result.value.scalars
    let label =
      isBias
      ? padLeft("= \(Notation.name(follow.result.name))", to: left) : pad(followLabel, to: left)
    grid.put(
      label, x: rect.x, y: y, style: isBias ? Theme.label : followStyle, limit: rect.x + left)
    grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
    columns.draw(
      on: &grid, x: matrixX, y: y, limit: rect.maxX,
      text: { valueText(followResult[$0], pending: followPending) },
      style: { valueStyle(followResult[$0], pending: followPending) })
  }
}

/// `text` padded with blanks on the right to `width` columns.
func pad(_ text: String, to width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
}

/// `text` padded with blanks on the left to `width` columns (cut to fit).
func padLeft(_ text: String, to width: Int) -> String {
  let w = DisplayWidth.of(text)
  if w > width {
    return String(text.prefix(max(0, width - 1))) + "…"
  }
  return String(repeating: " ", count: width - w) + text
}
