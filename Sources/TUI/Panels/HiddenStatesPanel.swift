import Model

/// h_0 … h_T: every hidden state of the chapter, those not computed yet as dots.
///
/// Where the panel has the rows, one row per t (the newest below the others, as the
/// lesson's list prints them); otherwise a row per neuron and a column per t, the
/// latest in view, with a strip that shows each neuron's value over time as bar
/// heights (and colours, where there are some).
struct HiddenStatesPanel: Panel {
  let index: Int
  let hidden: Int
  /// The number of words: the panel lists h_0 … h_words.
  let words: Int
  var events: [Int] { [index] }
  /// A row per t fits a screen for a sentence this long; a longer one goes by columns.
  static let mostRowsByTime = 16
  private var byTime: Bool { words + 1 <= HiddenStatesPanel.mostRowsByTime }
  var naturalHeight: Int { byTime ? 2 + words + 1 : 2 + hidden }
  var minimumHeight: Int { 2 + min(hidden, 2) }
  /// A row per t gives way to the columns form before other panels shrink.
  var shrinkPriority: Int { 2 }
  static let bars = Array("▁▂▃▄▅▆▇█".unicodeScalars)

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    if byTime, rect.height >= 2 + words + 1 {
      drawByTime(on: &grid, in: rect, context: context)
      return
    }
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let t = event.t
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "hidden states",
      detail: "h_0 … \(event.result.name)")
    let chapter = context.state.chapter
    let states = chapter.hiddenStates.prefix(t + 1)
    let scale = chapter.hiddenScale

    let indexWidth = String(hidden - 1).count + 2
    let stripWidth = min(states.count, max(8, rect.width / 4))
    let valuesX = rect.x + indexWidth + 3
    var widths = ColumnWidth()
    for state in states { widths.include(state.scalars) }
    let width = widths.columns
    // The newest state in view; while h_t is pending, h_{t-1} beside it.
    // A what-if's original strip takes a strip's room more, beside the edited one.
    let strips = context.originalHiddenStates == nil ? 1 : 2
    let columns = ValueColumns(
      count: states.count, width: width,
      available: rect.maxX - valuesX - strips * (stripWidth + 2),
      focus: pending ? max(0, states.count - 2) : states.count - 1)
    let rows = Elision.indices(count: hidden, capacity: max(1, rect.height - 2), focus: nil)

    var y = rect.y + 1
    grid.put(String(repeating: " ", count: indexWidth) + " │", x: rect.x, y: y, style: Theme.rule)
    let reads = readState(context)
    let element = context.reading?.element
    columns.draw(
      on: &grid, x: valuesX, y: y, limit: rect.maxX, text: { .text("h_\($0)") },
      style: { $0 == reads ? Theme.drillCell : $0 == t ? CellStyle(bold: true) : Theme.label })
    let stripX = valuesX + columns.totalWidth + 2
    grid.put("over t", x: stripX, y: y, style: Theme.label, limit: rect.maxX)
    y += 1
    for row in rows where y < rect.maxY {
      defer { y += 1 }
      guard let neuron = row else {
        grid.put(pad("⋮", to: indexWidth) + " │", x: rect.x, y: y, style: Theme.gap)
        continue
      }
      grid.put("[\(neuron)]", x: rect.x, y: y, style: Theme.label)
      grid.put(" │", x: rect.x + indexWidth, y: y, style: Theme.rule)
      let isPending = { (s: Int) in s == t && pending }
      columns.draw(
        on: &grid, x: valuesX, y: y, limit: rect.maxX,
        text: { valueText(states[$0].scalars[neuron], pending: isPending($0)) },
        style: { s in
          if s == 0, context.editCursorColumn("h0") == neuron { return Theme.editCursor }
          var style = valueStyle(states[s].scalars[neuron], pending: isPending(s))
          if s == reads {
            if neuron == element { return Theme.drillCell }
            style.underline = true
          }
          return style
        })
      drawStrip(
        on: &grid, x: stripX, y: y, limit: rect.maxX,
        states: states, neuron: neuron, width: stripWidth, pending: pending, scale: scale)
      // The original run's strip beside the edited one, where there is room.
      if let original = context.originalHiddenStates, stripX + 2 * stripWidth + 2 <= rect.maxX {
        drawStrip(
          on: &grid, x: stripX + stripWidth + 2, y: y, limit: rect.maxX,
          states: original.prefix(t + 1), neuron: neuron, width: stripWidth, pending: pending,
          scale: scale)
      }
    }
    if context.originalHiddenStates != nil, stripX + 2 * stripWidth + 2 <= rect.maxX {
      grid.put(
        "was", x: stripX + stripWidth + 2, y: rect.y + 1, style: Theme.label, limit: rect.maxX)
    }
  }

  /// One row per t: `h_2 │ -0.4856  0.1234 ▃▆`, the rows still to come as dots.
  private func drawByTime(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let event = context.events[index]
    let pending = context.status(index) == .pending
    let t = event.t
    let chapter = context.state.chapter
    let states = chapter.hiddenStates
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: "hidden states",
      detail: "h_0 … h_\(words), now \(event.result.name)")
    var widths = ColumnWidth()
    for state in states { widths.include(state.scalars) }
    let labelWidth = String(words).count + 2
    let valuesX = rect.x + 1 + labelWidth + 2
    let bars = hidden <= 8 ? hidden : 0
    let columns = ValueColumns(
      count: hidden, width: widths.columns,
      available: rect.maxX - valuesX - (bars > 0 ? bars + 1 : 0), focus: nil)
    var y = rect.y + 1
    grid.put(
      String(repeating: " ", count: labelWidth + 1) + " │", x: rect.x, y: y, style: Theme.rule)
    columns.draw(
      on: &grid, x: valuesX, y: y, limit: rect.maxX, text: { .text("h[\($0)]") },
      style: { _ in Theme.label })
    let barsX = valuesX + columns.totalWidth + 1
    if bars > 0 { grid.put("bar", x: barsX, y: y, style: Theme.label, limit: rect.maxX) }
    // The original run beside the edited one: its bars, and its values where they fit.
    let original = context.originalHiddenStates
    let wasX = barsX + max(bars, 3) + 1
    let wasValues = wasX + bars + 1 + columns.totalWidth <= rect.maxX
    if original != nil, bars > 0, wasX + bars <= rect.maxX {
      grid.put("was", x: wasX, y: y, style: Theme.label, limit: rect.maxX)
    }
    let reads = readState(context)
    let element = context.reading?.element
    for s in 0...words where y + 1 < rect.maxY {
      y += 1
      let known = s < t || (s == t && !pending)
      var labelStyle = s == t ? CellStyle(bold: true) : Theme.label
      if s == reads { labelStyle = Theme.drillCell }
      grid.put(padLeft("h_\(s)", to: labelWidth + 1), x: rect.x, y: y, style: labelStyle)
      grid.put(" │", x: rect.x + labelWidth + 1, y: y, style: Theme.rule)
      let values = states[s].scalars
      columns.draw(
        on: &grid, x: valuesX, y: y, limit: rect.maxX,
        text: { valueText(values[$0], pending: !known) },
        style: { j in
          if s == 0, context.editCursorColumn("h0") == j { return Theme.editCursor }
          var style = valueStyle(values[j], pending: !known)
          if s == reads {
            if j == element { return Theme.drillCell }
            style.underline = true
          }
          return style
        })
      guard bars > 0, known else { continue }
      var x = barsX
      for neuron in 0..<bars {
        x = grid.put(
          repeating: Self.bar(values[neuron], scale: chapter.hiddenScale), count: 1, x: x, y: y,
          style: Theme.value(values[neuron]), limit: rect.maxX)
      }
      guard let original, wasX + bars <= rect.maxX else { continue }
      let was = original[s].scalars
      x = wasX
      for neuron in 0..<bars {
        x = grid.put(
          repeating: Self.bar(was[neuron], scale: chapter.hiddenScale), count: 1, x: x, y: y,
          style: Theme.value(was[neuron]), limit: rect.maxX)
      }
      guard wasValues else { continue }
      columns.draw(
        on: &grid, x: x + 1, y: y, limit: rect.maxX, text: { .value(was[$0]) },
        style: { _ in Theme.pending })
    }
  }

  /// h_{t-1} when the hidden product reads it: marked where it comes from.
  private func readState(_ context: PanelContext) -> Int? {
    context.state.event.operation == .matmulHidden ? context.state.event.t - 1 : nil
  }

  static func bar(_ v: Float, scale: Float) -> Unicode.Scalar {
    let fraction = v.isFinite ? (min(max(v / scale, -1), 1) + 1) / 2 : 0.5
    return bars[min(bars.count - 1, Int(fraction * Float(bars.count)))]
  }

  private func drawStrip(
    on grid: inout CellGrid, x: Int, y: Int, limit: Int, states: ArraySlice<Tensor>,
    neuron: Int, width: Int, pending: Bool, scale: Float
  ) {
    var first = states.startIndex
    var column = x
    if states.count > width {
      first = states.endIndex - min(states.count, max(0, width - 1))
      column = grid.put("…", x: column, y: y, style: Theme.gap, limit: limit)
    }
    for i in first..<states.endIndex {
      if pending && i == states.endIndex - 1 {
        column = grid.put("·", x: column, y: y, style: Theme.pending, limit: limit)
        continue
      }
      let v = states[i].scalars[neuron]
      let fraction = v.isFinite ? (min(max(v / scale, -1), 1) + 1) / 2 : 0.5
      let bar = HiddenStatesPanel.bars[
        min(HiddenStatesPanel.bars.count - 1, Int(fraction * Float(HiddenStatesPanel.bars.count)))]
      column = grid.put(
        repeating: bar, count: 1, x: column, y: y, style: Theme.value(v), limit: limit)
    }
  }
}
