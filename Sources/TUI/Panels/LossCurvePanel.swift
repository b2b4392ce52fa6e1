import Model

/// The loss of every round of training, as columns of bars from the lowest loss to the
/// highest, and the loss after the last update: the curve falls as the model learns.
struct LossCurvePanel: Panel {
  var events: [Int] { [] }
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  /// The loss a column stands for: with more rounds than columns, the round at its
  /// share of the way along.
  /// With fewer rounds than columns, each round is up to four columns wide.
  static func sample(_ losses: [Float], columns: Int) -> [Float] {
    guard losses.count > columns, columns > 1 else {
      let width = max(1, min(4, columns / max(1, losses.count)))
      return losses.flatMap { Array(repeating: $0, count: width) }
    }
    return (0..<columns).map { c in losses[c * (losses.count - 1) / (columns - 1)] }
  }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    guard let training = context.state.chapter.training else { return }
    let losses = training.losses + [training.lossAfter]
    let rounds = training.losses.count
    grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Theme.titleCurrent)
    PlayerView.putClipped(
      &grid,
      "loss curve: \(rounds) rounds of forward, backward and SGD, lr \(training.learningRate)",
      x: rect.x, y: rect.y, style: Theme.titleCurrent, limit: rect.maxX)
    var summary =
      "round 1: \(NumberFormat.value(losses[0])) → after round \(rounds): \(NumberFormat.value(training.lossAfter))"
    if let bad = losses.firstIndex(where: { !$0.isFinite }) {
      summary += "; the loss is \(NumberFormat.value(losses[bad])) from round \(bad + 1) on"
    }
    PlayerView.putClipped(
      &grid, summary, x: rect.x + 2, y: rect.y + 1, style: Theme.titleDone, limit: rect.maxX)
    let plotRows = rect.height - 3
    let axisWidth = 9
    let plotWidth = rect.width - axisWidth - 2
    guard plotRows >= 2, plotWidth >= 8 else { return }
    let finite = losses.filter(\.isFinite)
    guard let high = finite.max(), let low = finite.min() else { return }
    let span = high > low ? high - low : 1
    let top = rect.y + 2
    let columns = Self.sample(losses, columns: plotWidth)
    // The loss after the last update stands out: its columns at the right.
    let afterColumns = losses.count > plotWidth ? 1 : columns.count / losses.count
    grid.put(
      padLeft(NumberFormat.value(high), to: axisWidth - 2) + " ┤", x: rect.x, y: top,
      style: Theme.rule)
    grid.put(
      padLeft(NumberFormat.value(low), to: axisWidth - 2) + " ┤", x: rect.x, y: top + plotRows - 1,
      style: Theme.rule)
    for r in 1..<(plotRows - 1) {
      grid.put("│", x: rect.x + axisWidth - 1, y: top + r, style: Theme.rule)
    }
    let eighths: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    for (c, loss) in columns.enumerated() {
      let x = rect.x + axisWidth + c
      guard loss.isFinite else {
        grid.put("?", x: x, y: top, style: Theme.statusError)
        continue
      }
      // The lowest loss keeps one eighth, so that every round shows.
      let filled = max(1, Int(((loss - low) / span * Float(plotRows * 8 - 1)).rounded()) + 1)
      for r in 0..<plotRows {
        let fromBottom = plotRows - 1 - r
        let level = min(8, max(0, filled - fromBottom * 8))
        guard level > 0 else { continue }
        grid.put(
          String(eighths[level]), x: x, y: top + r,
          style: c >= columns.count - afterColumns
            ? Theme.slope : Theme.curve.merged(Theme.value(-loss)))
      }
    }
    let axisY = top + plotRows
    guard axisY < rect.maxY else { return }
    grid.put("round 1", x: rect.x + axisWidth, y: axisY, style: Theme.rule, limit: rect.maxX)
    let end = "\(rounds) · after"
    grid.put(
      end, x: rect.x + axisWidth + columns.count - DisplayWidth.of(end), y: axisY,
      style: Theme.rule, limit: rect.maxX)
  }
}
