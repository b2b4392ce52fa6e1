import Foundation
import Model

/// A loss or backward operation: its formula, its operands and its result, each a row of
/// values (a matrix's rows one after another). No `+` between the operands: a backward
/// operation multiplies as often as it adds.
struct GradientPanel: Panel {
  let index: Int
  var events: [Int] { [index] }
  let operandCount: Int
  var naturalHeight: Int { 2 + operandCount }
  var minimumHeight: Int { 2 + operandCount }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let name =
      event.pass == .backward ? "backward \(event.operation.rawValue)" : event.operation.rawValue
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: name,
      detail: Notation.rowVectors(event.formula))
    var rows: [LabeledRows.Row] = []
    for operand in event.operands {
      rows.append(
        LabeledRows.Row(
          label: Notation.name(operand.name), values: operand.value.scalars, pending: false))
    }
    rows.append(
      LabeledRows.Row(
        label: "= \(Notation.name(event.result.name))", values: event.result.value.scalars,
        pending: context.status(index) == .pending))
    // The rows have their own lengths (a matrix, a vector, a scalar): each is drawn on
    // its own, the labels padded to line up.
    let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
    for (i, row) in rows.enumerated() where rect.y + 1 + i < rect.maxY {
      var padded = row
      padded.label =
        String(repeating: " ", count: labelWidth - DisplayWidth.of(row.label)) + row.label
      LabeledRows(rows: [padded]).draw(
        on: &grid, in: Rect(x: rect.x, y: rect.y + 1 + i, width: rect.width, height: 1))
    }
  }
}

/// The gradient flowing back: ‖dL/dh_t‖ for every t, filled in as the backward pass
/// reaches it, a bar each, on a log scale when the norms span more than a decade (so a
/// vanishing gradient still shows), with the scale stated.
struct GradientFlowPanel: Panel {
  /// The current event (the panel shows what is known up to it).
  let index: Int
  /// The number of words: the strip lists t = 1 … words.
  let words: Int
  var events: [Int] { [] }
  var naturalHeight: Int { 2 + words }
  var minimumHeight: Int { 3 }
  var shrinkPriority: Int { 2 }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let all = context.events
    var norms: [Int: Double] = [:]
    var reached: [Int: Bool] = [:]
    for (i, event) in all.enumerated()
    where event.pass == .backward && event.operation == .hiddenState {
      norms[event.t] = event.result.value.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }
        .squareRoot()
      reached[event.t] = i <= index
    }
    let positive = norms.values.filter { $0 > 0 && $0.isFinite }
    let largest = positive.max() ?? 1
    let logScale = largest / (positive.min() ?? 1) > 10
    let scale = logScale ? "log scale, 1 decade = 4 cells" : "scaled to the largest"
    grid.put(
      "gradient flow ‖dL/dh_t‖ (\(scale))", x: rect.x, y: rect.y, style: Theme.header,
      limit: rect.maxX)
    let barWidth = max(4, min(24, rect.width - 22))
    let rows = Elision.indices(count: words, capacity: max(1, rect.height - 1), focus: nil)
    var y = rect.y + 1
    for row in rows where y < rect.maxY {
      defer { y += 1 }
      guard let wordIndex = row else {
        grid.put("⋮", x: rect.x, y: y, style: Theme.gap)
        continue
      }
      let t = wordIndex + 1
      let label = "t=\(t)"
      grid.put(label, x: rect.x, y: y, style: Theme.label)
      let x = rect.x + String(words).count + 3
      guard let norm = norms[t], reached[t] == true else {
        grid.put(
          norms[t] == nil ? "·  (no gradient)" : "·", x: x, y: y, style: Theme.pending,
          limit: rect.maxX)
        continue
      }
      var width = 0
      if norm > 0 && norm.isFinite {
        width =
          logScale
          ? barWidth + Int((4 * log10(norm / largest)).rounded())
          : Int((Double(barWidth) * norm / largest).rounded())
        width = max(1, min(barWidth, width))
      }
      let current = context.events[index].t == t && context.events[index].operation == .hiddenState
      grid.put(
        String(repeating: "█", count: width), x: x, y: y,
        style: current ? Theme.titleCurrent : CellStyle(), limit: rect.maxX)
      grid.put(String(format: "%.2e", norm), x: x + barWidth + 1, y: y, limit: rect.maxX)
    }
  }
}
