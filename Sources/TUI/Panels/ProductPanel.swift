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
  /// Whether the learner is drilling into this product: its rows, the terms, are then
  /// what the screen is for, and the other panels give rows up first.
  var drilled = false

  init?(index: Int, followUp: Int?, events: PlayerTrace.Events) {
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
  var minimumHeight: Int {
    3 + min(product.inner, drilled ? Self.drilledRows : 2) + followUpRows
  }
  var shrinkPriority: Int { drilled ? -1 : 1 }
  /// The terms a drill asks room for, where the screen can give it (see
  /// `PlayerView.layout`): enough to read a few running sums in a row.
  static let drilledRows = 4

  /// The headings of the drill's two columns, longest first: the term's own product and
  /// the sum of the terms so far, never to be read as the result.
  /// A rule between them where there is room, so the headings do not read as one.
  static let drillHeadings: [(product: String, sum: String, rule: Bool)] = [
    ("product", "running sum", true), ("product", "sum so far", true), ("term", "sum", false),
  ]

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let status = context.status(index)
    let drill = status == .current ? context.state.drill : nil
    var detail = product.shapes
    if let drill {
      let term = "term \(drill.term + 1)/\(product.inner)"
      let target = "\(Notation.name(product.result.name))[\(drill.output)]"
      let titleRoom =
        rect.width
        - DisplayWidth.of(context.stepLabel(index) + " \(Notation.rowVectors(event.formula)):  ")
      let places = [
        "\(detail) drilling \(target), \(term)", "drilling \(target), \(term)",
        "drilling [\(drill.output)], \(term)", "[\(drill.output)] \(term)",
      ]
      detail = places.first { DisplayWidth.of($0) <= titleRoom } ?? places.last!
    }
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events,
      name: "\(Notation.rowVectors(event.formula)):", detail: detail)

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
    // The drill's columns: each term's product and the running sum, for the output in use.
    var sums: [Float] = []
    var drillWidths = ColumnWidth()
    if let drill {
      sums = product.runningSums(output: drill.output)
      drillWidths.include(sums)
      for k in 0..<product.inner {
        drillWidths.include(product.product(DrillPosition(output: drill.output, term: k)))
      }
    }
    let valueWidth = widths.columns
    let biasResult = isBias ? follow.map { "= " + Notation.name($0.result.name) } ?? "" : ""
    let labels =
      max(
        DisplayWidth.of(followLabel), DisplayWidth.of(resultLabel), DisplayWidth.of(biasResult))
      + 1
    var drillColumns: (product: String, sum: String, productWidth: Int, sumWidth: Int, rule: Int)?
    var drillRoom = 0
    if drill != nil {
      for heading in Self.drillHeadings {
        let productWidth = max(drillWidths.columns, DisplayWidth.of(heading.product) + 1)
        let sumWidth = max(drillWidths.columns, DisplayWidth.of(heading.sum) + 1)
        let rule = heading.rule ? 2 : 0
        drillColumns = (heading.product, heading.sum, productWidth, sumWidth, rule)
        drillRoom = 2 + productWidth + rule + sumWidth
        if rect.width - 2 - vectorPart - drillRoom >= product.outputs * valueWidth { break }
      }
    }
    let spare = rect.width - 2 - product.outputs * valueWidth - drillRoom
    let left = max(vectorPart, min(labels, spare, 18))
    let matrixX = rect.x + left + 2

    let columns = ValueColumns(
      count: product.outputs, width: valueWidth, available: rect.maxX - matrixX - drillRoom,
      focus: drill?.output)
    let drillX = matrixX + columns.totalWidth
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
    // A drill with room for only the column in use says which column it is.
    let alone = drill.map { product.outputs > 1 && columns.indices == [$0.output] } ?? false
    let headers =
      alone
      ? [" │ \(matrixName)[:,\(drill!.output)]", " │ col \(drill!.output)"]
      : product.transposed
        ? [
          " │ \(matrixName)  (\(weight) transposed)", " │ \(matrixName) = \(weight)ᵀ",
          " │ " + matrixName,
        ] : [" │ " + matrixName]
    let room = (drill == nil ? rect.maxX : drillX) - rect.x - left
    PlayerView.putClipped(
      &grid, headers.first { DisplayWidth.of($0) <= room } ?? headers.last!, x: rect.x + left,
      y: rect.y + 1, style: Theme.label, limit: drill == nil ? rect.maxX : drillX)
    if let drillColumns {
      grid.put(" │", x: drillX, y: rect.y + 1, style: Theme.rule, limit: rect.maxX)
      var x = drillX + 2
      let headings = [
        (drillColumns.product, drillColumns.productWidth),
        (drillColumns.sum, drillColumns.sumWidth),
      ]
      for (name, width) in headings {
        let pad = max(0, width - DisplayWidth.of(name))
        grid.put(name, x: x + pad, y: rect.y + 1, style: Theme.label, limit: rect.maxX)
        x += width
        if x == drillX + 2 + drillColumns.productWidth, drillColumns.rule > 0 {
          x = grid.put(" │", x: x, y: rect.y + 1, style: Theme.rule, limit: rect.maxX)
        }
      }
    }

    var y = rect.y + 2
    for row in rows {
      defer { y += 1 }
      guard let k = row else {
        grid.put(pad("⋮", to: left), x: rect.x, y: y, style: Theme.gap, limit: rect.maxX)
        grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
        columns.draw(
          on: &grid, x: matrixX, y: y, limit: rect.maxX, text: { _ in .text("⋮") },
          style: { _ in Theme.gap })
        if drill != nil {
          grid.put(" │", x: drillX, y: y, style: Theme.rule, limit: rect.maxX)
        }
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
          if context.isEditCursor(product.weight.name, product.transposed ? [j, k] : [k, j]) {
            return Theme.editCursor
          }
          var style = Theme.value(product.matrix(k, j))
          if let drill {
            if drill.term == k && drill.output == j { return Theme.drillCell }
            if drill.term == k { style.underline = true }
            if drill.output == j && k < drill.term { style.bold = true }
          }
          return style
        })
      if let drill, let drillColumns {
        grid.put(" │", x: drillX, y: y, style: Theme.rule, limit: rect.maxX)
        let term = product.product(DrillPosition(output: drill.output, term: k))
        let done = k <= drill.term
        var termStyle = done ? Theme.value(term) : Theme.pending
        if inRow { termStyle.bold = true }
        let sumStyle = inRow ? Theme.drillCell : done ? Theme.value(sums[k]) : Theme.pending
        var x = drillX + 2
        for (value, width, style) in [
          (term, drillColumns.productWidth, termStyle), (sums[k], drillColumns.sumWidth, sumStyle),
        ] {
          let cell: ValueCell = done ? .value(value) : .text("·")
          ValueColumns(count: 1, width: width, available: width, focus: nil).draw(
            on: &grid, x: x, y: y, limit: rect.maxX, text: { _ in cell }, style: { _ in style })
          x += width
          if x == drillX + 2 + drillColumns.productWidth, drillColumns.rule > 0 {
            x = grid.put(" │", x: x, y: y, style: Theme.rule, limit: rect.maxX)
          }
        }
      }
    }

    // The result: final values only. In a drill, the column in use stays a dot until its
    // last term, where the running sum and the result are the same number.
    let result = product.result.value.scalars
    grid.put(
      padLeft(resultLabel, to: left), x: rect.x, y: y, style: Theme.label, limit: rect.maxX)
    grid.put(" │", x: rect.x + left, y: y, style: Theme.rule, limit: rect.maxX)
    columns.draw(
      on: &grid, x: matrixX, y: y, limit: rect.maxX,
      text: { j in
        if let drill, j > drill.output || (j == drill.output && drill.term + 1 < product.inner) {
          return .text("·")
        }
        return valueText(result[j], pending: status == .pending)
      },
      style: { j in
        if let drill {
          if j == drill.output && drill.term + 1 == product.inner { return Theme.drillCell }
          if j >= drill.output { return Theme.pending }
        }
        return valueStyle(result[j], pending: status == .pending)
      })
    if drill != nil {
      grid.put(" │", x: drillX, y: y, style: Theme.rule, limit: rect.maxX)
    }
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
      // While drilling, the bias is a later step: it recedes with the other later ones.
      columns.draw(
        on: &grid, x: matrixX, y: y, limit: rect.maxX,
        text: { .value(bias[$0]) },
        style: { j in
          if context.editCursorColumn(follow.operands.last!.name) == j { return Theme.editCursor }
          return drill == nil ? Theme.value(bias[j]) : Theme.pending
        })
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
