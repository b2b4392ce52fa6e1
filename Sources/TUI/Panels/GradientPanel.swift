import Foundation
import Model

/// A loss or backward operation: its formula, its operands and its result, each a row of
/// values (a matrix's rows one after another). No `+` between the operands: a backward
/// operation multiplies as often as it adds.
struct GradientPanel: Panel {
  let index: Int
  var events: [Int] { [index] }
  // The stage's heights: the panel keeps the place of the stage's other panels.
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let name =
      event.pass == .backward ? "backward \(event.operation.rawValue)" : event.operation.rawValue
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: name,
      detail: Notation.rowVectors(event.formula))
    let pending = context.status(index) == .pending
    let tensors =
      event.operands.map { (Notation.name($0.name), $0.value, false) }
      + [("= \(Notation.name(event.result.name))", event.result.value, pending)]
    // A matrix a row of the screen for each of its rows where they all fit, else each
    // tensor on one row, a matrix's rows one after another.
    var rows = tensors.flatMap { Self.rows($0.0, $0.1, pending: $0.2) }
    if rows.count > rect.height - 1 {
      rows = tensors.map { LabeledRows.Row(label: $0.0, values: $0.1.scalars, pending: $0.2) }
    }
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

  /// `value`'s rows, a row of the screen each, the label on the first.
  static func rows(_ label: String, _ value: Tensor, pending: Bool) -> [LabeledRows.Row] {
    guard value.shape.count == 2, value.rows > 1 else {
      return [LabeledRows.Row(label: label, values: value.scalars, pending: pending)]
    }
    return (0..<value.rows).map { r in
      let row = Array(value.scalars[r * value.columns..<(r + 1) * value.columns])
      return LabeledRows.Row(label: r == 0 ? label : "", values: row, pending: pending)
    }
  }
}

/// The gradient flowing back: ‖dL/dh_t‖ for every t, filled in as the backward pass
/// reaches it, a bar each, on a log scale when the norms span more than a decade (so a
/// vanishing gradient still shows), with the scale stated. dL/dh_{t-1} computed at step
/// t is marked arriving at t-1 until it is gathered there.
struct GradientFlowPanel: Panel {
  /// The number of words: the strip lists t = 1 … words.
  let words: Int
  /// The rows the stage's panel above it asks for (`LossStage.panelRows`): the same at
  /// every step of the chapter, so that the strip stays where it is.
  var panelRows = LossStage.naturalHeight
  var events: [Int] { [] }
  /// The title, then a row per t.
  var naturalHeight: Int { 1 + words }
  /// A few rows of t however short the screen: a single row and a gap would show no
  /// fading. With more words than rows, the first, the live t and its neighbours.
  var minimumHeight: Int { 1 + min(words, Self.fewestRows) }
  static let fewestRows = 5
  var shrinkPriority: Int { 2 }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let state = context.state
    let flow = state.chapter.gradientFlow
    let current = state.event
    let onStep = state.trainingScreen == nil
    // The t whose dL/dh_t is in hand, and a dL/dh_{t-1} on its way to the step before.
    let live = onStep && current.pass == .backward ? current.t : nil
    let arriving =
      onStep && current.pass == .backward && current.operation == .matmulHidden
        && current.result.name.hasPrefix("dL/dh_") ? current.t - 1 : nil
    PlayerView.putClipped(
      &grid, Self.title(flow, width: rect.width), x: rect.x, y: rect.y, style: Theme.header,
      limit: rect.maxX)
    let labelWidth = String(words).count + 3
    let barWidth = max(4, min(32, rect.width - labelWidth - 30))
    let focus = (arriving ?? live).map { $0 - 1 }
    let rows = Elision.indices(count: words, capacity: max(1, rect.height - 1), focus: focus)
    var y = rect.y + 1
    for row in rows where y < rect.maxY {
      defer { y += 1 }
      guard let wordIndex = row else {
        grid.put("⋮", x: rect.x, y: y, style: Theme.gap)
        continue
      }
      let t = wordIndex + 1
      grid.put("t=\(t)", x: rect.x, y: y, style: t == live ? Theme.titleCurrent : Theme.label)
      let x = rect.x + labelWidth
      if t == arriving, let next = live {
        grid.put(
          "← dL/dh_\(t) from step \(next) arriving", x: x, y: y, style: Theme.titleCurrent,
          limit: rect.maxX)
        continue
      }
      // Known once its step has run (and, with the quiz, been guessed).
      guard let known = flow.norms[t], context.status(known.event) != .pending else {
        grid.put(
          flow.norms[t] == nil ? "·  (no gradient)" : "·",
          x: x, y: y, style: Theme.pending, limit: rect.maxX)
        continue
      }
      let width = flow.barWidth(known.norm, width: barWidth)
      grid.put(
        repeating: "█", count: width, x: x, y: y,
        style: t == live ? Theme.titleCurrent : CellStyle(), limit: rect.maxX)
      grid.put(
        String(format: "%.2e", known.norm), x: x + barWidth + 1, y: y, limit: rect.maxX)
    }
  }

  /// The title with its scale, the longest form that fits `width`: the scale is what
  /// makes the bars readable, so it is the name that gives way.
  static func title(_ flow: GradientFlow, width: Int) -> String {
    let forms = [
      "gradient flow ‖dL/dh_t‖ (\(flow.scaleNote))", "‖dL/dh_t‖ (\(flow.scaleNote))",
      "‖dL/dh_t‖ (\(flow.shortScaleNote))",
    ]
    return forms.first { DisplayWidth.of($0) <= width } ?? forms[forms.count - 1]
  }
}
