import Foundation
import Model

/// Position t's prediction of the next word: the head's score y_t of each vocabulary
/// word, its softmax as a bar, the true next word marked, and the cross-entropy L_t.
/// A big vocabulary shows its most likely words and the true one.
struct PredictionPanel: Panel {
  /// The logits event y_t, and the loss event L_t that follows it (if it is traced).
  let logits: Int
  let loss: Int?
  var events: [Int] { [logits] + (loss.map { [$0] } ?? []) }
  var naturalHeight: Int { LossStage.naturalHeight }
  var minimumHeight: Int { LossStage.minimumHeight }

  /// softmax(y), for the bars: in double precision from the traced scores (the loss
  /// itself, L_t, is the traced value).
  static func softmax(_ scores: [Float]) -> [Double] {
    let largest = scores.map(Double.init).max() ?? 0
    let exps = scores.map { Foundation.exp(Double($0) - largest) }
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
  }

  /// Which words get a row in `capacity` rows: all of them in vocabulary order when they
  /// fit; else the most likely, then the true next word if it is not among them, and a
  /// gap (nil) for the rest.
  static func rows(probabilities: [Double], target: Int?, capacity: Int) -> [Int?] {
    let count = probabilities.count
    guard count > capacity else { return Array(0..<count) }
    guard capacity > 1 else { return [target ?? 0] }
    let ranked = probabilities.indices.sorted {
      probabilities[$0] != probabilities[$1]
        ? probabilities[$0] > probabilities[$1] : $0 < $1
    }
    var shown = Array(ranked.prefix(capacity - 1))
    if let target, !shown.contains(target) {
      shown.removeLast()
      shown.append(target)
    }
    return shown.map { $0 } + [nil]
  }

  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext) {
    let y = context.events[logits]
    let t = y.t
    let lossEvent = loss.map { context.events[$0] }
    let target = lossEvent?.index
    let vocabulary = context.state.trace.model.vocabulary
    let scores = y.resultValue.scalars
    let scored = context.status(logits) != .pending
    let lost = loss.map { context.status($0) != .pending } ?? false
    let next = target.flatMap { $0 < vocabulary.count ? vocabulary[$0] : nil }
    let stepShown = events.contains(context.state.eventIndex) ? context.state.eventIndex : logits
    context.drawTitle(
      on: &grid, in: rect, event: stepShown, panel: events, name: "prediction at t=\(t)",
      detail: "y_\(t) = head(h_\(t)), softmax, L_\(t)")
    let probabilities = Self.softmax(scores)
    // Title, heading, the loss line.
    let capacity = max(1, rect.height - 3)
    let rows = Self.rows(probabilities: probabilities, target: target, capacity: capacity)
    let wordWidth = min(
      14,
      max(
        4,
        rows.compactMap { $0 }.map { DisplayWidth.of(TerminalText.escaped(vocabulary[$0])) }.max()
          ?? 4))
    let scoreX = rect.x + 2 + wordWidth + 1
    let scoreWidth = ColumnWidth(scores).columns
    let barX = scoreX + scoreWidth + 2
    // Room after the bar for the probability and the true word's note.
    let barWidth = max(4, min(40, rect.maxX - barX - 26))
    let probabilityX = barX + barWidth + 1
    let heading = next.map { "the next word is \(Narration.quoted($0))" } ?? "the next word"
    grid.put(
      padLeft("word", to: wordWidth + 2), x: rect.x, y: rect.y + 1, style: Theme.label,
      limit: rect.maxX)
    grid.put(
      "y_\(t)", x: scoreX + scoreWidth - 1 - String(t).count - 1, y: rect.y + 1, style: Theme.label,
      limit: rect.maxX)
    grid.put(
      "softmax(y_\(t)), full bar 1: \(heading)", x: barX, y: rect.y + 1, style: Theme.label,
      limit: rect.maxX)
    var row = rect.y + 2
    for entry in rows where row < rect.maxY - 1 {
      defer { row += 1 }
      guard let k = entry else {
        let rest = vocabulary.count - rows.count + 1
        grid.put(
          "  ⋮ \(rest) less likely word\(rest == 1 ? "" : "s")", x: rect.x, y: row,
          style: Theme.gap, limit: rect.maxX)
        continue
      }
      let isTarget = k == target
      let marker = isTarget ? "▶ " : "  "
      grid.put(marker, x: rect.x, y: row, style: CellStyle(bold: true, tone: .accent))
      grid.put(
        padLeft(TerminalText.escaped(vocabulary[k]), to: wordWidth), x: rect.x + 2, y: row,
        style: isTarget ? Theme.titleDone : Theme.label, limit: rect.x + 2 + wordWidth)
      ValueColumns(count: 1, width: scoreWidth, available: scoreWidth, focus: nil).draw(
        on: &grid, x: scoreX, y: row, limit: rect.maxX,
        text: { _ in valueText(scores[k], pending: !scored) },
        style: { _ in valueStyle(scores[k], pending: !scored) })
      guard lost else {
        grid.put("·", x: barX, y: row, style: Theme.pending, limit: rect.maxX)
        continue
      }
      let p = probabilities[k]
      let cells = p.isFinite ? Int((p * Double(barWidth)).rounded()) : 0
      grid.put(
        repeating: "█", count: max(p > 0 ? 1 : 0, cells), x: barX, y: row,
        style: isTarget ? Theme.drillCell : Theme.curve, limit: barX + barWidth)
      let note = isTarget ? "  ◂ true next word" : ""
      grid.put(
        String(format: "%.4f", p) + note, x: probabilityX, y: row,
        style: isTarget ? Theme.titleDone : CellStyle(), limit: rect.maxX)
    }
    // The loss line: L_t = -log p(true next word).
    guard let lossEvent, rect.height >= 4 else { return }
    // Under the words, a row apart, however many rows the panel has.
    let y0 = min(rect.maxY - 1, row + 1)
    if lost, let target, target < probabilities.count {
      let value = lossEvent.resultValue.scalars.first ?? .nan
      let word = next.map(Narration.quoted) ?? "word \(target)"
      PlayerView.putClipped(
        &grid,
        "L_\(t) = -log p(\(word)) = -log \(String(format: "%.4f", probabilities[target])) = \(NumberFormat.value(value))",
        x: rect.x + 2, y: y0,
        style: context.status(loss!) == .current ? Theme.titleCurrent : Theme.titleDone,
        limit: rect.maxX)
    } else {
      grid.put(
        "L_\(t) = -log p(next word): not run yet", x: rect.x + 2, y: y0, style: Theme.pending,
        limit: rect.maxX)
    }
  }
}
