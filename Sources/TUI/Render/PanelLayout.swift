import Model

/// Which panels the current time step has, and where each goes on the screen.
enum PanelLayout {
  /// The panels of the time step holding the current event, in computation order.
  static func panels(for state: PlayerState) -> [any Panel] {
    // The loss, the backward pass and the update: the step's panel, and the gradient
    // flowing back.
    if state.trainingScreen != nil || state.event.isAfterForward {
      return LossStage.panels(for: state)
    }
    let events = state.trace.events
    let range = state.chapter.wordEvents[state.wordIndex]
    var panels: [any Panel] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let event = events[i]
      switch event.operation {
      case .embedding:
        panels.append(EmbeddingPanel(index: i, vocabulary: state.trace.model.vocabulary))
      case .matmulInput, .matmulHidden:
        let next = i + 1 < range.upperBound ? events[i + 1].operation : nil
        let follows = next == .biasInput || next == .biasHidden || next == .tanhInput
        if var panel = ProductPanel(index: i, followUp: follows ? i + 1 : nil, events: events) {
          panel.drilled = state.drill != nil && i == state.eventIndex
          panels.append(panel)
          if follows { i += 1 }
        } else {
          panels.append(
            ElementwisePanel(index: i, name: "product", operandCount: event.operands.count))
        }
      case .add:
        panels.append(ElementwisePanel(index: i, name: "sum", operandCount: event.operands.count))
      case .biasInput, .biasHidden, .tanhInput, .logits, .loss:
        panels.append(
          ElementwisePanel(
            index: i, name: event.operation.rawValue, operandCount: event.operands.count))
      case .tanh:
        panels.append(TanhPanel(index: i, hidden: event.result.value.columns))
      case .hiddenState:
        panels.append(
          HiddenStatesPanel(
            index: i, hidden: event.result.value.columns, words: state.trace.words.count))
      }
      i += 1
    }
    return panels
  }

  /// Columns no narrower than this; fewer, wider columns below it.
  static let minimumColumnWidth = 38
  static let columnGap = 2
  static let maximumColumns = 3

  /// Places `panels` in `area`: in up to three columns, in order, down each column;
  /// tall panels elide rows when the area is short. Nil when even that does not fit.
  static func arrange(_ panels: [any Panel], in area: Rect) -> [(any Panel, Rect)]? {
    guard !panels.isEmpty else { return [] }
    if panels.count == 2, let strip = panels[1] as? GradientFlowPanel {
      return stacked(panels[0], above: strip, in: area)
    }
    let widest = min(
      maximumColumns, panels.count,
      max(1, (area.width + columnGap) / (minimumColumnWidth + columnGap)))
    // As few columns as show every panel whole, so that each is as wide as can be.
    let natural = panels.map(\.naturalHeight)
    var count = widest
    var groups = partition(natural, into: count)
    for n in 1...widest {
      let candidate = partition(natural, into: n)
      let tallest = candidate.map { $0.reduce(0) { $0 + natural[$1] } + $0.count - 1 }.max() ?? 0
      if tallest <= area.height {
        count = n
        groups = candidate
        break
      }
    }
    if count == widest, maxHeight(groups, natural) > area.height {
      groups = partition(panels.map(\.minimumHeight), into: count)
    }
    let columnWidth = (area.width - columnGap * (count - 1)) / count
    var placed: [(any Panel, Rect)] = []
    for (c, group) in groups.enumerated() {
      let members = group.map { panels[$0] }
      guard let heights = fit(members, height: area.height) else { return nil }
      let natural = heights.reduce(0, +)
      let gap = natural + members.count - 1 <= area.height ? 1 : 0
      var y = area.y
      let x = area.x + c * (columnWidth + columnGap)
      for (panel, height) in zip(members, heights) {
        placed.append((panel, Rect(x: x, y: y, width: columnWidth, height: height)))
        y += height + gap
      }
    }
    return placed
  }

  /// A panel the whole width of `area` with the strip under it. Both get their
  /// minimum (the strip's is enough rows of t to see the gradient fade), then a blank
  /// row between them, then the strip a row per t up to half the area, then the panel
  /// the rows the stage asks for (`strip.panelRows`), then the strip any rows it still
  /// elides; only rows nothing of the stage can use are left under the strip.
  /// Nil when the panel would get less than its minimum.
  static func stacked(_ panel: any Panel, above strip: GradientFlowPanel, in area: Rect)
    -> [(any Panel, Rect)]?
  {
    var spare = area.height - panel.minimumHeight - strip.minimumHeight
    guard spare >= 0 else { return nil }
    func grow(_ height: inout Int, to wanted: Int) {
      let rows = min(spare, max(0, wanted - height))
      height += rows
      spare -= rows
    }
    var gap = 0
    grow(&gap, to: 1)
    var stripHeight = strip.minimumHeight
    grow(&stripHeight, to: min(strip.naturalHeight, area.height / 2))
    var height = panel.minimumHeight
    grow(&height, to: max(panel.naturalHeight, strip.panelRows))
    grow(&stripHeight, to: strip.naturalHeight)
    return [
      (panel, Rect(x: area.x, y: area.y, width: area.width, height: height)),
      (
        strip,
        Rect(x: area.x, y: area.y + height + gap, width: area.width, height: stripHeight)
      ),
    ]
  }

  /// The smallest screens on which `panels` fit, one per number of columns: narrow
  /// and tall, or wide and short. `chromeRows` is the rows around the panels.
  static func minimumSizes(_ panels: [any Panel], chromeRows: Int, minimumWidth: Int)
    -> [ScreenSize]
  {
    if panels.count == 2, let strip = panels[1] as? GradientFlowPanel {
      let rows = chromeRows + panels[0].minimumHeight + strip.minimumHeight
      return [ScreenSize(columns: minimumWidth, rows: rows)]
    }
    let minimum = panels.map(\.minimumHeight)
    var sizes: [ScreenSize] = []
    for count in 1...min(maximumColumns, max(1, panels.count)) {
      let rows = chromeRows + maxHeight(partition(minimum, into: count), minimum)
      let columns = max(minimumWidth, count * minimumColumnWidth + (count - 1) * columnGap)
      if let last = sizes.last, last.rows <= rows { continue }
      sizes.append(ScreenSize(columns: columns, rows: rows))
    }
    return sizes
  }

  /// Heights for a column's panels: natural if they fit, else the panels with the most
  /// to spare give rows up, down to their minimum.
  static func fit(_ panels: [any Panel], height: Int) -> [Int]? {
    var heights = panels.map(\.naturalHeight)
    var excess = heights.reduce(0, +) - height
    while excess > 0 {
      var best: Int?
      for i in heights.indices where heights[i] > panels[i].minimumHeight {
        guard let current = best else {
          best = i
          continue
        }
        let priority = panels[i].shrinkPriority
        let bestPriority = panels[current].shrinkPriority
        if priority > bestPriority
          || (priority == bestPriority
            && heights[i] - panels[i].minimumHeight
              > heights[current] - panels[current].minimumHeight)
        {
          best = i
        }
      }
      guard let best else { return nil }
      heights[best] -= 1
      excess -= 1
    }
    return heights
  }

  /// Splits indices 0..<heights.count into `count` runs, in order, so that the tallest
  /// run is as short as can be (the first such split, in order of the runs' ends).
  static func partition(_ heights: [Int], into count: Int) -> [[Int]] {
    let n = heights.count
    guard count > 1, n > 1 else { return [Array(0..<n)] }
    let parts = min(count, n)
    // Every split is tried on every frame, so runs are summed from prefix sums and the
    // ends kept in one array, rather than building the groups of each candidate.
    var below = [0]
    below.reserveCapacity(n + 1)
    for height in heights { below.append(below[below.count - 1] + height) }
    var ends = Array(repeating: n, count: parts)
    var best = ends
    var bestHeight = Int.max
    func search(start: Int, part: Int, tallest: Int) {
      if part == parts - 1 {
        let height = max(tallest, below[n] - below[start])
        if height < bestHeight {
          bestHeight = height
          best = ends
        }
        return
      }
      let remaining = parts - part
      guard start < n - remaining + 1 else { return }
      for end in (start + 1)...(n - remaining + 1) {
        ends[part] = end
        search(start: end, part: part + 1, tallest: max(tallest, below[end] - below[start]))
      }
    }
    search(start: 0, part: 0, tallest: Int.min)
    var start = 0
    return best.map { end in
      defer { start = end }
      return Array(start..<end)
    }
  }

  static func maxHeight(_ groups: [[Int]], _ heights: [Int]) -> Int {
    groups.map { $0.reduce(0) { $0 + heights[$1] } }.max() ?? 0
  }
}
