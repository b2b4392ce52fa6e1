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
      detail: "h_0 … \(event.result.name)"
        + (context.state.chapter.trace.overview == nil ? "" : ", min–max strip")
        + Self.recomputing(context))
    let chapter = context.state.chapter
    let all = chapter.hiddenStates
    let count = t + 1
    let scale = chapter.hiddenScale
    let overview = chapter.trace.overview

    let indexWidth = String(hidden - 1).count + 2
    let stripWidth = min(overview == nil ? count : .max, max(8, rect.width / 4))
    let valuesX = rect.x + indexWidth + 3
    // The newest state in view; while h_t is pending, h_{t-1} beside it.
    let focus = pending ? max(0, count - 2) : count - 1
    // A what-if's original strip takes a strip's room more, beside the edited one.
    let strips = context.originalHiddenStates == nil ? 1 : 2
    let available = rect.maxX - valuesX - strips * (stripWidth + 2)
    let columns: ValueColumns
    var shown: [Int: Tensor] = [:]
    if let overview {
      // A long text: only the states in view are recomputed, and the widths allow for
      // the text's extremes so that the columns do not shift as the learner moves.
      var widths = ColumnWidth()
      widths.include(overview.extremes.filter(\.isFinite))
      let planned = Self.longColumns(
        count: count, capacity: max(1, available / widths.columns), focus: focus)
      for case let s? in planned { shown[s] = all[s] }
      for state in shown.values { widths.include(state.scalars) }
      columns = ValueColumns(indices: planned, width: widths.columns)
    } else {
      var widths = ColumnWidth()
      for state in all.prefix(count) { widths.include(state.scalars) }
      columns = ValueColumns(
        count: count, width: widths.columns, available: available, focus: focus)
    }
    func state(_ s: Int) -> Tensor { shown[s] ?? all[s] }
    let rows = Elision.indices(count: hidden, capacity: max(1, rect.height - 2), focus: nil)

    var y = rect.y + 1
    grid.put(String(repeating: " ", count: indexWidth) + " │", x: rect.x, y: y, style: Theme.rule)
    let reads = readState(context)
    let element = context.reading?.element
    columns.draw(
      on: &grid, x: valuesX, y: y, limit: rect.maxX, text: { .text("h_\($0)") },
      style: { $0 == reads ? Theme.drillCell : $0 == t ? CellStyle(bold: true) : Theme.label })
    let stripX = valuesX + columns.totalWidth + 2
    if let overview {
      Self.drawOverviewHeading(
        on: &grid, x: stripX, y: y, limit: rect.maxX, overview: overview, width: stripWidth, t: t)
    } else {
      // Beside the original run's strip ("was"), the edited one is "now".
      let besideOriginal =
        context.originalHiddenStates != nil && stripX + 2 * stripWidth + 2 <= rect.maxX
      grid.put(
        besideOriginal ? "now" : "over t", x: stripX, y: y, style: Theme.label, limit: rect.maxX)
    }
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
        text: { valueText(state($0).scalars[neuron], pending: isPending($0)) },
        style: { s in
          if s == 0, context.editCursorColumn("h0") == neuron { return Theme.editCursor }
          var style = valueStyle(state(s).scalars[neuron], pending: isPending(s))
          if s == reads {
            if neuron == element { return Theme.drillCell }
            style.underline = true
          }
          return style
        })
      if let overview {
        Self.drawOverview(
          on: &grid, x: stripX, y: y, limit: rect.maxX, overview: overview, neuron: neuron,
          width: stripWidth, t: t, scale: scale)
      } else {
        drawStrip(
          on: &grid, x: stripX, y: y, limit: rect.maxX,
          states: all.prefix(count), neuron: neuron, width: stripWidth, pending: pending,
          scale: scale)
        // The original run's strip beside the edited one, where there is room.
        if let original = context.originalHiddenStates, stripX + 2 * stripWidth + 2 <= rect.maxX {
          drawStrip(
            on: &grid, x: stripX + stripWidth + 2, y: y, limit: rect.maxX,
            states: original.prefix(t + 1), neuron: neuron, width: stripWidth, pending: pending,
            scale: scale)
        }
      }
    }
    if context.originalHiddenStates != nil, overview == nil,
      stripX + 2 * stripWidth + 2 <= rect.maxX
    {
      grid.put(
        "was", x: stripX + stripWidth + 2, y: rect.y + 1, style: Theme.label, limit: rect.maxX)
    }
  }

  /// A long text's columns: h_0, then the states up to `focus` and the one after it
  /// (pending), as `Elision` would choose among `count`, without a flag per state.
  static func longColumns(count: Int, capacity: Int, focus: Int) -> [Int?] {
    // Elision keeps the first few and a window about the focus, which sits at the end:
    // the same choice among the first and last `capacity + 1`, the gap between them
    // standing for everything left out.
    let n = min(count, 2 * capacity + 2)
    let shift = count - n
    return Elision.indices(count: n, capacity: capacity, focus: focus - shift).map { i in
      i.map { $0 > n / 2 ? $0 + shift : $0 }
    }
  }

  /// Above a long text's overview: a ▼ over the learner's column.
  static func drawOverviewHeading(
    on grid: inout CellGrid, x: Int, y: Int, limit: Int, overview: HiddenOverview, width: Int,
    t: Int
  ) {
    let columns = overview.columns(width: min(width, limit - x))
    guard columns > 0, x < limit, t > 0 else { return }
    let marker = overview.column(ofWord: t, columns: columns)
    grid.put("▼", x: x + marker, y: y, style: CellStyle(bold: true), limit: limit)
  }

  /// One neuron's row of a long text's overview: each column the least and greatest
  /// value over its words, as a vertical stroke between their heights; the columns the
  /// learner has not reached yet dim.
  static func drawOverview(
    on grid: inout CellGrid, x: Int, y: Int, limit: Int, overview: HiddenOverview,
    neuron: Int, width: Int, t: Int, scale: Float
  ) {
    let columns = overview.columns(width: min(width, limit - x))
    guard columns > 0, x < limit else { return }
    let marker = t == 0 ? -1 : overview.column(ofWord: t, columns: columns)
    var column = x
    for c in 0..<columns {
      guard let (low, high) = overview.range(column: c, of: columns, neuron: neuron) else {
        column = grid.put("·", x: column, y: y, style: Theme.gap, limit: limit)
        continue
      }
      var style = c > marker ? Theme.pending : Theme.value((low + high) / 2)
      if c == marker { style.bold = true }
      column = grid.put(
        repeating: stroke(low, high, scale: scale), count: 1, x: column, y: y, style: style,
        limit: limit)
    }
  }

  /// A braille cell with a stroke from `low`'s height to `high`'s, in four steps from
  /// -scale (bottom) to +scale (top): a range in one cell, where a bar holds one value.
  static func stroke(_ low: Float, _ high: Float, scale: Float) -> Unicode.Scalar {
    func level(_ v: Float) -> Int {
      let fraction = (min(max(v / scale, -1), 1) + 1) / 2
      return min(3, Int(fraction * 4))
    }
    // Dots from the top row down: 1 and 4, 2 and 5, 3 and 6, 7 and 8.
    let rows: [UInt32] = [0x09, 0x12, 0x24, 0xC0]
    var bits: UInt32 = 0
    for level in level(low)...level(high) { bits |= rows[3 - level] }
    return Unicode.Scalar(0x2800 + bits)!
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
      detail: "h_0 … h_\(words), now \(event.result.name)" + Self.recomputing(context))
    // A what-if's states not computed yet are not waited for: they show as dots.
    let computed = chapter.trace.lazy.map { max(t, $0.frontier) } ?? words
    var widths = ColumnWidth()
    for state in states.prefix(computed + 1) { widths.include(state.scalars) }
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
      guard s <= computed else {
        columns.draw(
          on: &grid, x: valuesX, y: y, limit: rect.maxX, text: { _ in valueText(0, pending: true) },
          style: { _ in Theme.pending })
        continue
      }
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

  /// `, recomputing h_120 of h_300`: how far a what-if's run has come, while it runs
  /// (the states past it are not shown yet).
  static func recomputing(_ context: PanelContext) -> String {
    guard let run = context.state.chapter.trace.lazy, !run.isComplete else { return "" }
    return ", recomputing: h_\(run.frontier) of h_\(run.words.count)"
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
    on grid: inout CellGrid, x: Int, y: Int, limit: Int, states: Slice<HiddenStates>,
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
