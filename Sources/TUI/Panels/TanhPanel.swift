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
  /// The x range of the plot; pre-activations beyond it sit on the edge, with an arrow.
  static let xRange: Float = 3

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
    drawPlot(
      on: &grid, x: rect.x, y: rect.y + 3, width: min(rect.width, 48), height: plotHeight,
      z: pending ? [] : z, outputs: event.result.value.scalars)
  }

  private func drawPlot(
    on grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, z: [Float],
    outputs: [Float]
  ) {
    let axisWidth = 5
    let plotWidth = width - axisWidth - 1
    guard plotWidth >= 9 else { return }
    let middle = (height - 1) / 2
    func column(_ value: Float) -> Int {
      let clamped = min(max(value, -TanhPanel.xRange), TanhPanel.xRange)
      let fraction = (clamped + TanhPanel.xRange) / (2 * TanhPanel.xRange)
      return Int((fraction * Float(plotWidth - 1)).rounded())
    }
    func row(_ value: Float) -> Int {
      let fraction = (1 - min(max(value, -1), 1)) / 2
      return Int((fraction * Float(height - 1)).rounded())
    }
    for r in 0..<height {
      let label = r == 0 ? "  1 ┤" : r == height - 1 ? " -1 ┤" : r == middle ? "  0 ┼" : "    │"
      grid.put(label, x: x, y: y + r, style: Theme.rule)
      if r == middle {
        grid.put(repeating: "─", count: plotWidth, x: x + axisWidth, y: y + r, style: Theme.rule)
      }
    }
    for c in 0..<plotWidth {
      let value = -TanhPanel.xRange + 2 * TanhPanel.xRange * Float(c) / Float(plotWidth - 1)
      grid.put("•", x: x + axisWidth + c, y: y + row(Float.tanh(value)), style: Theme.curve)
    }
    let axis = "-\(Int(TanhPanel.xRange))"
    grid.put(axis, x: x + axisWidth - 1, y: y + height, style: Theme.rule)
    grid.put("0", x: x + axisWidth + (plotWidth - 1) / 2, y: y + height, style: Theme.rule)
    grid.put(
      String(Int(TanhPanel.xRange)), x: x + axisWidth + plotWidth - 1, y: y + height,
      style: Theme.rule)
    grid.put("z →", x: x + axisWidth + plotWidth - 8, y: y + height, style: Theme.rule)
    // Each neuron where the curve carries it, marked with its index's last digit; one
    // outside the range sits on the edge with an arrow.
    for (i, value) in z.enumerated().reversed() {
      guard i < outputs.count else { continue }
      let marker = abs(value) > TanhPanel.xRange ? (value < 0 ? "◂" : "▸") : String(i % 10)
      grid.put(
        marker, x: x + axisWidth + column(value), y: y + row(outputs[i]), style: Theme.drillCell)
    }
  }
}

extension Float {
  fileprivate static func tanh(_ x: Float) -> Float {
    let e = Float(exp(Double(2 * x)))
    return x > 20 ? 1 : x < -20 ? -1 : (e - 1) / (e + 1)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
