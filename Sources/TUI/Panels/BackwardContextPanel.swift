import Model

/// The stage's panel with, in the rows it leaves under it, the backward pass in context:
/// each parameter's gradient so far, and the sentence unrolled through time (a row per
/// t: the forward h_t and tanh's slope there, which the backward pass reads, and dL/dh_t,
/// dL/dz_t as it reaches that t). The table sits on the strip's top and the sums on the
/// table's, so that neither moves while the step's own panel changes height; the step's
/// panel always has all the rows it uses, the context only what is left.
struct BackwardContextPanel: Panel {
  let step: any Panel
  var events: [Int] { step.events }
  var naturalHeight: Int { step.naturalHeight }
  var minimumHeight: Int { step.minimumHeight }
  var shrinkPriority: Int { step.shrinkPriority }

  /// The table's title, its column headings and the live t: fewer rows show nothing.
  static let fewestTableRows = 3
  /// A title and a row of values.
  static let fewestSumRows = 2

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    step.draw(on: &grid, in: rect, context: context)
    let top = Self.rowAfterLastUsed(grid, in: rect) + 1
    let room = rect.maxY - top
    let words = context.state.trace.words.count
    let tableRows = min(room, 2 + words)
    guard tableRows >= Self.fewestTableRows else { return }
    let table = Rect(x: rect.x, y: rect.maxY - tableRows, width: rect.width, height: tableRows)
    UnrolledTable(context: context).draw(on: &grid, in: table)
    let sumRows = table.y - 1 - top
    guard sumRows >= Self.fewestSumRows else { return }
    GradientSums(context: context).draw(
      on: &grid, in: Rect(x: rect.x, y: top, width: rect.width, height: sumRows))
  }

  /// The row under the last one of `rect` with anything drawn in it (`rect.y` when none).
  static func rowAfterLastUsed(_ grid: CellGrid, in rect: Rect) -> Int {
    var y = rect.maxY - 1
    while y >= rect.y {
      for x in rect.x..<rect.maxX {
        let text = grid[x, y].text
        if !text.isEmpty && text != " " { return y + 1 }
      }
      y -= 1
    }
    return rect.y
  }
}

/// What the current step reads and writes, by name, to be marked where the context
/// shows it.
private struct StepNames {
  let reads: Set<String>
  let writes: String?

  init(_ context: PanelContext) {
    let state = context.state
    guard state.trainingScreen == nil else {
      reads = []
      writes = nil
      return
    }
    let event = state.event
    reads = Set((0..<event.operandCount).map { event.operandName($0).string })
    writes = event.result.name
  }

  func style(_ name: String, _ base: CellStyle) -> CellStyle {
    if name == writes { return Theme.drillCell }
    var style = base
    if reads.contains(name) { style.underline = true }
    return style
  }
}

/// A row per t: the word, h_t and 1 − h_t² from the forward pass, dL/dh_t and dL/dz_t
/// from the backward pass (dots until it reaches them), the live t marked as the strip
/// marks it, and the values the step reads underlined, the one it writes highlighted.
private struct UnrolledTable {
  let context: PanelContext

  struct Column {
    let heading: String
    /// The value's name at t, as the events name it.
    let name: (Int) -> String
    /// The value at t, nil where the trace has none; `known` false while pending.
    let value: (Int) -> (values: [Float], known: Bool)?
  }

  func columns() -> [Column] {
    let state = context.state
    let chapter = state.chapter
    let timeline = chapter.backwardTimeline
    let events = context.events
    let states = chapter.hiddenStates
    var columns = [
      Column(heading: "h_t", name: { "h_\($0)" }, value: { (states[$0].scalars, true) })
    ]
    if !timeline.tanhGradient.isEmpty {
      columns.append(
        Column(
          heading: "1 - h_t²", name: { "h_\($0)" },
          value: { (states[$0].scalars.map(TanhSlopePanel.slope), true) }))
    }
    func gradient(_ events: [Int: Int]) -> (Int) -> (values: [Float], known: Bool)? {
      { t in
        guard let i = events[t] else { return nil }
        return (self.context.events[i].resultValue.scalars, self.context.status(i) != .pending)
      }
    }
    columns.append(
      Column(
        heading: "dL/dh_t",
        name: { t in timeline.hiddenGradient[t].map { events[$0].result.name } ?? "" },
        value: gradient(timeline.hiddenGradient)))
    if !timeline.tanhGradient.isEmpty {
      columns.append(
        Column(
          heading: "dL/dz_t",
          name: { t in timeline.tanhGradient[t].map { events[$0].result.name } ?? "" },
          value: gradient(timeline.tanhGradient)))
    }
    return columns
  }

  /// The rows around `focus` (the live t with the ones beside it, the t it got dL/dh
  /// from and the t it hands it to), a gap on each side where rows are left out.
  static func window(count: Int, capacity: Int, focus: Int) -> [Int?] {
    guard count > capacity else { return (0..<count).map { $0 } }
    guard capacity > 0 else { return [] }
    var size = capacity
    var low = 0
    for _ in 0..<3 {
      low = min(max(0, focus - (size - 1) / 2), count - size)
      let gaps = (low > 0 ? 1 : 0) + (low + size < count ? 1 : 0)
      if capacity - gaps >= 1 { size = capacity - gaps }
    }
    low = min(max(0, focus - (size - 1) / 2), count - size)
    var rows: [Int?] = Array(low..<low + size)
    if low > 0, rows.count < capacity { rows.insert(nil, at: 0) }
    if low + size < count, rows.count < capacity { rows.append(nil) }
    return rows
  }

  func draw(on grid: inout CellGrid, in rect: Rect) {
    let state = context.state
    let trace = state.trace
    let words = trace.words.count
    let live = state.trainingScreen == nil ? state.event.t : nil
    let focus = min(max((live ?? 1) - 1, 0), words - 1)
    let rows = Self.window(count: words, capacity: rect.height - 2, focus: focus)
    var columns = columns()
    let hidden = trace.model.hidden
    // The columns' values, of the rows shown, for one width: the numbers line up.
    var widths = ColumnWidth()
    for case let row? in rows {
      for column in columns { column.value(row + 1).map { widths.include($0.values) } }
    }
    let width = widths.columns
    // "t=12 jumped": the word where it fits in a dozen cells, else the t alone.
    let tWidth = String(words).count + 2
    let longest = rows.compactMap { $0 }.map { DisplayWidth.of(trace.words[$0]) }.max() ?? 0
    let wordWidth = min(longest, 12)
    let labelWidth = tWidth + (wordWidth > 0 ? 1 + wordWidth : 0)
    // Columns whole where they fit: tanh's slope gives way first, then h_t (both stay in
    // the step's panel when it reads them).
    while columns.count > 2,
      labelWidth + 1 + columns.count * (3 + max(hidden * width, 8)) > rect.width
    {
      columns.remove(at: columns.count == 4 ? 1 : 0)
    }
    var cells: [Int: [(values: [Float], known: Bool)?]] = [:]
    for case let row? in rows { cells[row] = columns.map { $0.value(row + 1) } }
    let blockRoom = (rect.width - labelWidth - 1) / columns.count - 3
    let plan = ValueColumns(count: hidden, width: width, available: blockRoom, focus: nil)
    let blockWidth = max(
      plan.totalWidth, columns.map { DisplayWidth.of(Notation.name($0.heading)) }.max() ?? 0)
    let titles = [
      "unrolled through time: h_t and its slope from the forward pass, the gradients as the"
        + " backward pass reaches each t (· not yet)",
      "unrolled through time: the gradients as the backward pass reaches each t (· not yet)",
      "unrolled through time (· not yet)", "through time",
    ]
    PlayerView.putClipped(
      &grid, titles.first { DisplayWidth.of($0) <= rect.width } ?? titles[titles.count - 1],
      x: rect.x, y: rect.y, style: Theme.header, limit: rect.maxX)
    var x = rect.x + labelWidth + 1
    var starts: [Int] = []
    for column in columns {
      grid.put("│ ", x: x, y: rect.y + 1, style: Theme.rule, limit: rect.maxX)
      starts.append(x + 2)
      grid.put(
        padLeft(Notation.name(column.heading), to: plan.totalWidth), x: x + 2, y: rect.y + 1,
        style: Theme.label, limit: rect.maxX)
      x += 3 + blockWidth
    }
    let names = StepNames(context)
    var y = rect.y + 2
    for row in rows where y < rect.maxY {
      defer { y += 1 }
      guard let index = row else {
        grid.put("⋮", x: rect.x, y: y, style: Theme.gap, limit: rect.maxX)
        continue
      }
      let t = index + 1
      let word = trace.words[index]
      var label = "t=\(t)"
      if wordWidth > 0, DisplayWidth.of(word) <= wordWidth {
        label = pad(label, to: tWidth) + " " + word
      }
      let isLive = t == live
      grid.put(
        label, x: rect.x, y: y,
        style: isLive
          ? (state.event.pass == .backward ? Theme.titleCurrent : Theme.titleDone)
          : Theme.label, limit: rect.x + labelWidth)
      for (c, column) in columns.enumerated() {
        grid.put("│", x: starts[c] - 2, y: y, style: Theme.rule, limit: rect.maxX)
        guard let cell = cells[index]?[c] else { continue }
        let name = column.name(t)
        plan.draw(
          on: &grid, x: starts[c], y: y, limit: min(rect.maxX, starts[c] + blockWidth),
          text: { valueText(cell.values[$0], pending: !cell.known) },
          style: { names.style(name, valueStyle(cell.values[$0], pending: !cell.known)) })
      }
    }
  }
}

/// Each parameter's gradient so far: its running sum after the latest t the backward
/// pass has added (dots before the first), a row of the sum per line, the one the step
/// works on marked.
private struct GradientSums {
  let context: PanelContext

  func draw(on grid: inout CellGrid, in rect: Rect) {
    let state = context.state
    let timeline = state.chapter.backwardTimeline
    let sums = timeline.sums
    guard !sums.isEmpty else { return }
    let now = state.trainingScreen == nil ? state.eventIndex : state.trace.events.count
    // The value of each sum now: the latest term added, unless the step has not run
    // (the quiz hides it).
    var shown: [(event: Int?, added: Int)] = []
    var widths = ColumnWidth()
    for sum in sums {
      var k = timeline.latest(sum, atOrBefore: now)
      if let j = k, context.status(sum.events[j]) == .pending { k = j > 0 ? j - 1 : nil }
      let event = k.map { sum.events[$0] }
      if let event { widths.include(context.events[event].resultValue.scalars) }
      shown.append((event, k.map { $0 + 1 } ?? 0))
    }
    let width = widths.columns
    // The sum the step works on: the one it adds to, or makes the term of.
    let names = StepNames(context)
    let current = sums.firstIndex { sum in
      sum.events.contains(now)
        || (now + 1 < state.trace.events.count && sum.events.contains(now + 1)
          && LossStage.isContribution(context.events[now], of: context.events[now + 1]))
    }
    // A line per row of each sum.
    var lines: [(sum: Int, row: Int)] = []
    for (s, sum) in sums.enumerated() {
      for r in 0..<sum.rows { lines.append((s, r)) }
    }
    // In view: the sum the step works on, else the one the pass added to last.
    let latest = shown.indices.max { (shown[$0].event ?? -1) < (shown[$1].event ?? -1) }
    let focused = current ?? latest.flatMap { shown[$0].event == nil ? nil : $0 }
    let focus = focused.flatMap { c in lines.firstIndex { $0.sum == c } }
    let shownLines = Elision.indices(
      count: lines.count, capacity: rect.height - 1, focus: focus)
    // Where everything fits, on the table's top: the lines stay put as the step's panel
    // above changes height.
    var y = rect.maxY - shownLines.count - 1
    let titles = [
      "gradients so far: each dL/dp summed over the t the backward pass has reached"
        + " (· none yet)",
      "gradients so far, summed over the t reached (· none yet)", "gradients so far",
    ]
    PlayerView.putClipped(
      &grid, titles.first { DisplayWidth.of($0) <= rect.width } ?? titles[titles.count - 1],
      x: rect.x, y: y, style: Theme.header, limit: rect.maxX)
    y += 1
    let nameWidth = min(
      sums.map { DisplayWidth.of(Notation.name($0.name)) }.max() ?? 0, max(8, rect.width / 3))
    let indexWidth =
      sums.contains { $0.rows > 1 } ? String(sums.map(\.rows).max()! - 1).count + 2 : 0
    let valuesX = rect.x + 2 + nameWidth + 1 + indexWidth + 3
    let noteWidth = 16
    let columns = sums.map(\.columns).max() ?? 1
    let plan = ValueColumns(
      count: columns, width: width, available: rect.maxX - valuesX - noteWidth, focus: nil)
    var previous: Int?
    for line in shownLines where y < rect.maxY {
      defer { y += 1 }
      guard let line else {
        grid.put("⋮", x: rect.x + 2, y: y, style: Theme.gap, limit: rect.maxX)
        previous = nil
        continue
      }
      let (s, r) = lines[line]
      let sum = sums[s]
      let value = shown[s].event.map { context.events[$0].resultValue }
      // The name on a sum's first line in view.
      if previous != s {
        let name = Notation.name(sum.name)
        if DisplayWidth.of(name) <= nameWidth {
          grid.put(
            name, x: rect.x + 2, y: y,
            style: s == current ? Theme.titleCurrent : Theme.label, limit: rect.maxX)
        }
        let note =
          shown[s].added == 0
          ? "not reached" : "\(shown[s].added) of \(sum.events.count) terms"
        let noteX = valuesX + plan.totalWidth + 2
        if noteX + DisplayWidth.of(note) <= rect.maxX {
          grid.put(note, x: noteX, y: y, style: Theme.label, limit: rect.maxX)
        }
      }
      previous = s
      if sum.rows > 1 {
        grid.put(
          "[\(r)]", x: rect.x + 2 + nameWidth + 1, y: y, style: Theme.label, limit: rect.maxX)
      }
      grid.put("│", x: valuesX - 2, y: y, style: Theme.rule, limit: rect.maxX)
      let count = sum.columns
      plan.draw(
        on: &grid, x: valuesX, y: y, limit: rect.maxX,
        text: { c in
          guard c < count else { return .text("") }
          return value.map { .value($0[r, c]) } ?? .text("·")
        },
        style: { c in
          guard c < count, let value else { return Theme.pending }
          return names.style(sum.name, Theme.value(value[r, c]))
        })
    }
  }
}
