import Model

/// The SGD step after the backward pass: each parameter p becomes p − lr·dL/dp, shown
/// as old value, gradient and new value element by element (where not all fit, the
/// elements the gradient moves most), and the loss before and after.
struct SGDUpdatePanel: Panel {
  var events: [Int] { [] }
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  /// The elements of each parameter to show in `rows` rows: every parameter gets a row
  /// before any gets two; within a parameter, those of largest |gradient|, in order.
  static func plan(_ updates: [ParameterUpdate], rows: Int) -> [[Int]] {
    var counts = updates.map { _ in 0 }
    var left = rows
    var grew = true
    while left > 0 && grew {
      grew = false
      for (i, update) in updates.enumerated() where left > 0 && counts[i] < update.before.count {
        counts[i] += 1
        left -= 1
        grew = true
      }
    }
    return zip(updates, counts).map { update, count in
      let gradient = update.gradient.scalars
      let order = gradient.indices.sorted {
        let (a, b) = (abs(gradient[$0]), abs(gradient[$1]))
        return a != b ? (a > b || b.isNaN) : $0 < $1
      }
      return order.prefix(count).sorted()
    }
  }

  /// `We.weight[1,3]`, or `head.bias[2]`.
  static func elementName(_ update: ParameterUpdate, _ k: Int) -> String {
    let value = update.before
    guard value.shape.count == 2 else { return "\(update.name)[\(k)]" }
    return "\(update.name)[\(k / value.columns),\(k % value.columns)]"
  }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    guard let training = context.state.chapter.training else { return }
    let updates = training.firstUpdate
    let rate = training.learningRate
    grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Theme.titleCurrent)
    PlayerView.putClipped(
      &grid, "SGD update: every parameter p ← p - lr·dL/dp, lr \(rate)", x: rect.x,
      y: rect.y, style: Theme.titleCurrent, limit: rect.maxX)
    let lossBefore = training.losses[0]
    let lossAfter = context.state.chapter.lossAfterFirstUpdate
    let change =
      lossAfter < lossBefore ? "it falls" : lossAfter > lossBefore ? "it rises" : "unchanged"
    PlayerView.putClipped(
      &grid,
      "loss before \(NumberFormat.value(lossBefore)) → after \(NumberFormat.value(lossAfter)) (\(change))",
      x: rect.x + 2, y: rect.y + 1, style: Theme.titleDone, limit: rect.maxX)
    let elements = Self.plan(updates, rows: max(updates.count, rect.height - 3))
    let names = zip(updates, elements).flatMap { update, ks in
      ks.map { Self.elementName(update, $0) }
    }
    let nameWidth = min(28, names.map(DisplayWidth.of).max() ?? 10)
    var widths = ColumnWidth()
    for update in updates {
      widths.include(update.before.scalars)
      widths.include(update.gradient.scalars)
      widths.include(update.after.scalars)
    }
    let w = widths.columns
    let valuesX = rect.x + 2 + nameWidth + 2
    let headings = ["old p", "dL/dp", "new p"]
    for (i, heading) in headings.enumerated() {
      grid.put(
        padLeft(heading, to: w), x: valuesX + i * w, y: rect.y + 2, style: Theme.label,
        limit: rect.maxX)
    }
    var y = rect.y + 3
    for (update, ks) in zip(updates, elements) {
      for (n, k) in ks.enumerated() where y < rect.maxY {
        defer { y += 1 }
        // The last row of a parameter with elements left out says how many.
        let hidden = update.before.count - ks.count
        grid.put(
          "  " + padLeft(Self.elementName(update, k), to: nameWidth), x: rect.x, y: y,
          style: Theme.label, limit: rect.maxX)
        let values = [
          update.before.scalars[k], update.gradient.scalars[k], update.after.scalars[k],
        ]
        for (i, v) in values.enumerated() {
          ValueColumns(count: 1, width: w, available: w, focus: nil).draw(
            on: &grid, x: valuesX + i * w, y: y, limit: rect.maxX, text: { _ in .value(v) },
            style: { _ in i == 2 ? Theme.titleDone.merged(Theme.value(v)) : Theme.value(v) })
        }
        if n == ks.count - 1, hidden > 0 {
          grid.put(
            "  (+\(hidden) more of \(update.before.count))", x: valuesX + 3 * w, y: y,
            style: Theme.gap, limit: rect.maxX)
        }
      }
    }
  }
}

extension CellStyle {
  /// This style, bold if `other` is, with `other`'s tone.
  func merged(_ other: CellStyle) -> CellStyle {
    var style = self
    style.tone = other.tone
    return style
  }
}
