import Model

/// h_t = tanh(z_t), with the tanh curve and each neuron's z → tanh(z) marked on it.
struct TanhPanel: Panel {
  let index: Int
  let hidden: Int
  var events: [Int] { [index] }
  /// Rows of the curve when there is room: enough to see it bend.
  static let plotRows = 7
  var naturalHeight: Int { 3 + TanhPanel.plotRows + 1 }
  var minimumHeight: Int { 3 }
  /// The curve is the last thing a short screen gives up.
  var shrinkPriority: Int { 0 }
  /// The x range of the plot; pre-activations beyond it sit on the edge, with an arrow.
  static let xRange: Float = 3
  /// Up to this many neurons get an `h[i]` label on the curve; more get a digit each.
  static let mostLabels = 4

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let z = event.operands.first?.value.scalars ?? []
    let zName = event.operands.first?.name ?? "z"
    let zKnown = context.isKnown(zName, before: index)
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "tanh",
      detail: "h_\(event.t) = \(event.formula)")
    LabeledRows(rows: [
      LabeledRows.Row(label: zName, values: z, pending: !zKnown),
      LabeledRows.Row(label: event.formula, values: event.result.value.scalars, pending: pending),
    ]).draw(on: &grid, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 2))

    let plotHeight = min(TanhPanel.plotRows, rect.height - 4)
    guard plotHeight >= 3 else { return }
    Self.drawPlot(
      on: &grid, x: rect.x, y: rect.y + 3, width: min(rect.width, 48), height: plotHeight,
      z: pending ? [] : z, outputs: event.result.value.scalars)
  }

  /// Where the plot puts things: the column of a pre-activation z, and the row of the
  /// curve at a column (the marker of a neuron sits on the curve, at its z's column).
  struct PlotGeometry {
    let width: Int
    let height: Int

    /// The column of `z`, clamped to the plot's range.
    func column(_ z: Float) -> Int {
      let clamped = min(max(z, -TanhPanel.xRange), TanhPanel.xRange)
      let fraction = (clamped + TanhPanel.xRange) / (2 * TanhPanel.xRange)
      return Int((fraction * Float(width - 1)).rounded())
    }

    /// The z a column stands for.
    func z(atColumn c: Int) -> Float {
      -TanhPanel.xRange + 2 * TanhPanel.xRange * Float(c) / Float(width - 1)
    }

    /// The row of a value between -1 (the last row) and 1 (row 0).
    func row(_ value: Float) -> Int {
      let fraction = (1 - min(max(value, -1), 1)) / 2
      return Int((fraction * Float(height - 1)).rounded())
    }

    /// The row the curve is drawn on at column `c`.
    func curveRow(_ c: Int) -> Int { row(Float.tanh(z(atColumn: c))) }

    /// Where neuron's marker goes: its z's column, on the curve there.
    func point(z: Float) -> (column: Int, row: Int) {
      let c = column(z)
      return (c, curveRow(c))
    }
  }

  /// The curve, its axes and each neuron's mark; with `slopes`, the tangent through
  /// each mark too (the backward pass's 1 − h²).
  static func drawPlot(
    on grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, z: [Float],
    outputs: [Float], slopes: [Float]? = nil
  ) {
    let axisWidth = 5
    let plotWidth = width - axisWidth - 1
    guard plotWidth >= 9 else { return }
    let geometry = PlotGeometry(width: plotWidth, height: height)
    let middle = (height - 1) / 2
    for r in 0..<height {
      let label = r == 0 ? "  1 ┤" : r == height - 1 ? " -1 ┤" : r == middle ? "  0 ┼" : "    │"
      grid.put(label, x: x, y: y + r, style: Theme.rule)
      if r == middle {
        grid.put(repeating: "─", count: plotWidth, x: x + axisWidth, y: y + r, style: Theme.rule)
      }
    }
    for c in 0..<plotWidth {
      grid.put("•", x: x + axisWidth + c, y: y + geometry.curveRow(c), style: Theme.curve)
    }
    let axis = "-\(Int(TanhPanel.xRange))"
    grid.put(axis, x: x + axisWidth - 1, y: y + height, style: Theme.rule)
    grid.put("0", x: x + axisWidth + (plotWidth - 1) / 2, y: y + height, style: Theme.rule)
    grid.put(
      String(Int(TanhPanel.xRange)), x: x + axisWidth + plotWidth - 1, y: y + height,
      style: Theme.rule)
    grid.put("z →", x: x + axisWidth + plotWidth - 8, y: y + height, style: Theme.rule)
    // A tangent a few columns either side of each mark: its slope is 1 − h².
    if let slopes {
      let zPerColumn = 2 * TanhPanel.xRange / Float(plotWidth - 1)
      for (i, value) in z.enumerated() where i < slopes.count && i < outputs.count {
        guard abs(value) <= TanhPanel.xRange else { continue }
        let point = geometry.point(z: value)
        for step in [-3, -2, -1, 1, 2, 3] {
          let c = point.column + step
          guard c >= 0, c < plotWidth else { continue }
          let level = outputs[i] + slopes[i] * Float(step) * zPerColumn
          guard abs(level) <= 1 else { continue }
          grid.put("∙", x: x + axisWidth + c, y: y + geometry.row(level), style: Theme.slope)
        }
      }
    }
    // Each neuron on the curve at its z, labelled h[i] beside the mark where there are
    // few (a bare digit read as a zero); one outside the range sits on the edge with an
    // arrow. Neuron 0 is drawn last, on top.
    let labelled = outputs.count <= TanhPanel.mostLabels
    // Labels first, then every mark over them: a label never hides another neuron.
    for (i, value) in z.enumerated().reversed() where labelled && i < outputs.count {
      let point = geometry.point(z: value)
      let px = x + axisWidth + point.column
      let label = "h[\(i)]"
      let right = px + 1 + DisplayWidth.of(label) <= x + axisWidth + plotWidth
      grid.put(
        label, x: right ? px + 1 : px - DisplayWidth.of(label), y: y + point.row,
        style: Theme.titleDone)
    }
    for (i, value) in z.enumerated().reversed() {
      guard i < outputs.count else { continue }
      let point = geometry.point(z: value)
      let px = x + axisWidth + point.column
      let py = y + point.row
      let outside = abs(value) > TanhPanel.xRange
      guard labelled else {
        let marker = outside ? (value < 0 ? "◂" : "▸") : String(i % 10)
        grid.put(marker, x: px, y: py, style: Theme.drillCell)
        continue
      }
      grid.put(outside ? (value < 0 ? "◂" : "▸") : "●", x: px, y: py, style: Theme.drillCell)
    }
  }
}

extension Float {
  static func tanh(_ x: Float) -> Float {
    let e = Float(exp(Double(2 * x)))
    return x > 20 ? 1 : x < -20 ? -1 : (e - 1) / (e + 1)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
