import Model

/// A parameter's gradient summed over time: this step's term (xᵀ·δ for a weight, δ for
/// a bias, dL/de_t for an embedding row) beside the running sum it joins. The backward
/// pass goes from the last word to the first, so the sum grows one term per step.
struct WeightGradientPanel: Panel {
  /// The event computing the term, when it is one of its own (a weight's xᵀ·δ).
  let contribution: Int?
  /// The event adding the term to the running sum.
  let sum: Int
  var events: [Int] { (contribution.map { [$0] } ?? []) + [sum] }
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[sum]
    let t = event.t
    let term = event.operand(event.operandCount - 1)
    let before = event.operandCount == 2 ? event.operand(0) : nil
    let termKnown = context.status(contribution ?? sum) != .pending
    let added = context.status(sum) != .pending
    // Until the term is added, the sum column shows the sum before it (none, at the
    // first step that uses the parameter).
    let shown = added ? event.resultValue : before?.value
    let total = event.result.name
    let stepShown =
      events.contains(context.state.eventIndex) ? context.state.eventIndex : contribution ?? sum
    context.drawTitle(
      on: &grid, in: rect, event: stepShown, panel: events,
      name: "summed over time:", detail: Notation.rowVectors(event.formula))
    let value = term.value
    let rows = value.rows
    let columns = value.columns
    // Two blocks of columns: the term, and the running sum.
    let indexWidth = rows > 1 ? String(rows - 1).count + 2 : 0
    var widths = ColumnWidth(value.scalars)
    widths.include(event.resultValue.scalars)
    if let before { widths.include(before.value.scalars) }
    let blockWidth = max(widths.columns, (rect.width - indexWidth - 4) / 2)
    let plan = ValueColumns(
      count: columns, width: widths.columns, available: blockWidth, focus: nil)
    let termX = rect.x + indexWidth
    // The term's heading, longest first, in the room of its block (which may widen up
    // to half the panel for it).
    let termName = Notation.rowVectors(term.name)
    let half = max(plan.totalWidth, (rect.width - indexWidth) / 2 - 3)
    let termHeadings = ["this step (t=\(t)): \(termName)", "t=\(t): \(termName)", "term of t=\(t)"]
    let termHeading =
      termHeadings.first { DisplayWidth.of($0) <= half } ?? termHeadings.last!
    let termWidth = max(plan.totalWidth, min(half, DisplayWidth.of(termHeading)))
    let sumX = termX + termWidth + 3
    let sumHeading =
      added
      ? "running sum, t=\(t) added"
      : before == nil ? "running sum: none before t=\(t)" : "running sum before t=\(t)"
    grid.put(
      termHeading, x: termX, y: rect.y + 1, style: Theme.label, limit: sumX - 2)
    grid.put("│", x: sumX - 2, y: rect.y + 1, style: Theme.rule, limit: rect.maxX)
    grid.put(
      sumHeading, x: sumX, y: rect.y + 1, style: added ? Theme.titleDone : Theme.label,
      limit: rect.maxX)
    let capacity = max(1, rect.height - 3)
    let shownRows = Elision.indices(count: rows, capacity: capacity, focus: nil)
    var y = rect.y + 2
    let sumStyle = context.status(sum) == .current
    for row in shownRows where y < rect.maxY {
      defer { y += 1 }
      grid.put("│", x: sumX - 2, y: y, style: Theme.rule, limit: rect.maxX)
      guard let r = row else {
        grid.put("⋮", x: rect.x, y: y, style: Theme.gap, limit: rect.maxX)
        continue
      }
      if rows > 1 { grid.put("[\(r)]", x: rect.x, y: y, style: Theme.label, limit: rect.maxX) }
      plan.draw(
        on: &grid, x: termX, y: y, limit: sumX - 2,
        text: { valueText(value[r, $0], pending: !termKnown) },
        style: { valueStyle(value[r, $0], pending: !termKnown) })
      plan.draw(
        on: &grid, x: sumX, y: y, limit: rect.maxX,
        text: { c in shown.map { .value($0[r, c]) } ?? .text("·") },
        style: { c in
          guard let shown else { return Theme.pending }
          return sumStyle ? Theme.drillCell : Theme.value(shown[r, c])
        })
    }
    if y < rect.maxY {
      // The longest form that fits: a sentence cut mid-word reads as a fault.
      let notes = [
        "each step back in time adds its term: \(total) sums the terms of every t",
        "\(total) sums the terms of every t", "summed over every t",
      ]
      PlayerView.putClipped(
        &grid, notes.first { DisplayWidth.of($0) <= rect.width } ?? notes[notes.count - 1],
        x: rect.x, y: y, style: Theme.label, limit: rect.maxX)
      y += 1
    }
    // What the term is made of, where it has a computation of its own: δ and the input
    // (the term's element [i, j] is δ[i]·x[j], or x[i]·δ[j]).
    guard let contribution, y + 2 < rect.maxY else { return }
    let made = context.events[contribution]
    y += 1
    let labels = (0..<made.operandCount).map { Notation.name(made.operandName($0).string) }
    let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
    for i in 0..<made.operandCount where y < rect.maxY {
      let operand = made.operand(i)
      LabeledRows(rows: [
        LabeledRows.Row(
          label: padLeft(labels[i], to: labelWidth), values: operand.value.scalars,
          pending: false)
      ]).draw(on: &grid, in: Rect(x: rect.x, y: y, width: rect.width, height: 1))
      y += 1
    }
  }
}
