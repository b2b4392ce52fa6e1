import Foundation
import Model

/// tanh backwards: dL/dz_t = dL/dh_t ⊙ (1 − h_t²). The slope 1 − h² is tanh's at each
/// neuron's point, drawn as a tangent on the curve there: flat where tanh saturates, so
/// the gradient that passes is small.
struct TanhSlopePanel: Panel {
  let index: Int
  var events: [Int] { [index] }
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  /// tanh's slope at output `h`, as the backward pass uses it (`Backward.tanh`:
  /// g·(1 − y·y)): one expression for every panel that shows it.
  static func slope(_ h: Float) -> Float { 1 - h * h }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let upstream = event.operand(0)
    let output = event.operand(1)
    let h = output.value.scalars
    let slopes = h.map(Self.slope)
    let hName = Notation.name(output.name)
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "backward tanh",
      detail: Notation.rowVectors(event.formula))
    let rows = [
      LabeledRows.Row(
        label: Notation.name(upstream.name), values: upstream.value.scalars, pending: false),
      LabeledRows.Row(label: hName, values: h, pending: false),
      LabeledRows.Row(
        label: "slope 1 - \(hName)²", labelStyle: Theme.slope, values: slopes, pending: false),
      LabeledRows.Row(
        label: "= \(Notation.name(event.result.name))", values: event.result.value.scalars,
        pending: pending),
    ]
    let end = LabeledRows(rows: rows).draw(
      on: &grid, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
    // The plot under the rows: each neuron at z = atanh(h), with its tangent.
    let plotHeight = min(TanhPanel.plotRows, rect.maxY - end - 1)
    guard plotHeight >= 3 else { return }
    let z = h.map { v -> Float in
      abs(v) >= 1 ? (v < 0 ? -.infinity : .infinity) : Float(Foundation.atanh(Double(v)))
    }
    TanhPanel.drawPlot(
      on: &grid, x: rect.x, y: end, width: min(rect.width, 48), height: plotHeight, z: z,
      outputs: h, slopes: slopes)
    let noteX = rect.x + min(rect.width, 48) + 2
    let notes = [
      "∙ the tangent at each h:",
      "  its slope 1 - h² scales",
      "  the gradient going back;",
      "  flat near -1 and 1, so",
      "  little gets through.",
    ]
    for (i, note) in notes.enumerated() where end + i < rect.maxY && noteX + 20 < rect.maxX {
      grid.put(note, x: noteX, y: end + i, style: Theme.label, limit: rect.maxX)
    }
  }
}
