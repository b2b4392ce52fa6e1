import Foundation
import Model
import Testing

@testable import TUI

/// The backward stage on every screen a learner uses: every step after the forward pass
/// (each prediction, each backward operation, the update, the loss curve) laid out so
/// that the gradient-flow strip is readable, no band of rows is left empty while a
/// panel could use it, and nothing spills out of its panel or is cut mid-word.
struct LossStageFitTests {
  static let sizes = [
    ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 100, rows: 30),
    ScreenSize(columns: 120, rows: 40), ScreenSize(columns: 200, rows: 60),
  ]

  @Test(arguments: sizes)
  func everyStepOfTheStageFits(size: ScreenSize) throws {
    let chapter = try LossStageTests.chapter(rounds: 5)
    var state = PlayerState(content: PlayerContent(title: "test", chapters: [chapter]), size: size)
    state.eventIndex = try LossStageTests.index(chapter) { $0.isAfterForward }
    var checked = 0
    while true {
      try Self.check(state, at: "step \(state.eventIndex + 1) at \(size)")
      checked += 1
      if state.isAtEnd { break }
      state.update(.next)
    }
    #expect(checked > 50 && state.trainingScreen == .lossCurve)
  }

  /// Up to 120x40 the update alone could use more rows than the screen has: the panel
  /// and the strip reach down to the legend at every step, no band left under them.
  @Test(arguments: sizes.filter { $0.rows <= 40 })
  func noRowsAreLeftEmptyUnderTheStrip(size: ScreenSize) throws {
    let chapter = try LossStageTests.chapter(rounds: 5)
    var state = PlayerState(content: PlayerContent(title: "test", chapters: [chapter]), size: size)
    state.eventIndex = try LossStageTests.index(chapter) { $0.isAfterForward }
    while true {
      let layout = try #require(PlayerView.layout(state))
      let bottom =
        [layout.codeRow, layout.legendRow].compactMap { $0 }.min()
        ?? size.rows - 2 - layout.narrativeRows
      #expect(layout.placed.map(\.1.maxY).max() == bottom, "step \(state.eventIndex + 1)")
      if state.isAtEnd { break }
      state.update(.next)
    }
  }

  /// From 100x30 up, the rows the stage keeps for its largest screen (the update) are
  /// used at every step of the loss and the backward pass: under the step's own panel,
  /// the backward pass in context, no band of more than `widestBand` rows left empty
  /// above the strip.
  @Test(arguments: sizes.filter { $0.rows >= 30 && $0.rows <= 40 })
  func noEmptyBandAboveTheStrip(size: ScreenSize) throws {
    let chapter = try LossStageTests.chapter(rounds: 5)
    var state = PlayerState(content: PlayerContent(title: "test", chapters: [chapter]), size: size)
    state.eventIndex = try LossStageTests.index(chapter) { $0.isAfterForward }
    while state.trainingScreen == nil {
      try Self.checkBand(state, at: "step \(state.eventIndex + 1) at \(size)")
      state.update(.next)
    }
  }

  /// At 200x60 the same for a model with something to fill it (hidden 8, a dozen words):
  /// the five-word, two-neuron sentence has less to show than the stage keeps rows for.
  @Test func noEmptyBandAboveTheStripAt200x60() throws {
    let words = "the dog jumped over a cat and the cat jumped over a dog".split(separator: " ")
      .map(String.init)
    let chapter = try LossStageTests.chapter(words: words, rounds: 5, hidden: 8)
    let size = ScreenSize(columns: 200, rows: 60)
    var state = PlayerState(content: PlayerContent(title: "test", chapters: [chapter]), size: size)
    state.eventIndex = try LossStageTests.index(chapter) { $0.pass == .backward }
    while state.trainingScreen == nil {
      try Self.checkBand(state, at: "step \(state.eventIndex + 1) at \(size)")
      state.update(.next)
    }
  }

  static let widestBand = 3

  /// The longest run of empty rows from the top of the stage's panel to the row above
  /// the strip's (the layout's gap) is at most `widestBand`.
  static func checkBand(_ state: PlayerState, at place: String) throws {
    let layout = try #require(PlayerView.layout(state), "\(place): too small")
    let grid = PlayerView.render(state)
    let mainRect = layout.placed[0].1
    let stripRect = try #require(layout.placed.first { $0.0 is GradientFlowPanel }?.1)
    var run = 0
    var widest = 0
    for y in mainRect.y..<stripRect.y - 1 {
      run = grid.line(y).isEmpty ? run + 1 : 0
      widest = max(widest, run)
    }
    #expect(widest <= widestBand, "\(place): \(widest) empty rows\n\(grid.text)")
  }

  /// The context's dL/dh_t for each t is the value of the event that gathers it, shown
  /// from that step on and a dot before; its h_t is the forward pass's.
  @Test func theUnrolledTableShowsEachGradientFromItsEventOn() throws {
    let chapter = try LossStageTests.chapter()
    let events = chapter.trace.events
    let gathered = (1...5).compactMap { t in
      events.indices.first {
        events[$0].pass == .backward && events[$0].operation == .hiddenState && events[$0].t == t
      }.map { (t, $0) }
    }
    #expect(gathered.count == 4, "dL/dh_1 … dL/dh_4 (none for the last word)")
    let h3 = chapter.hiddenStates[3].scalars
    for (t, index) in gathered {
      let value = events[index].resultValue.scalars
      let shown = value.map { NumberFormat.signed($0) }.joined(separator: " ")
        .trimmingCharacters(in: .whitespaces)
      func row(at step: Int) -> String? {
        let lines = PlayerView.render(LossStageTests.at(step, chapter, columns: 120, rows: 40))
          .lines
        let title = lines.firstIndex { $0.hasPrefix("unrolled through time") }
        return title.flatMap { i in lines[(i + 2)...].first { $0.hasPrefix("t=\(t) ") } }
      }
      let before = try #require(row(at: index - 1), "t=\(t) before its step")
      let at = try #require(row(at: index), "t=\(t) at its step")
      #expect(!before.contains(shown), "t=\(t) shown before step \(index + 1): \(before)")
      #expect(at.contains(shown), "t=\(t) at step \(index + 1): \(at) lacks \(shown)")
      let cells = at.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
      // t, h_t, 1 - h_t², dL/dh_t, dL/dz_t: dL/dh_t is the fourth cell; dL/dz_t not yet.
      #expect(
        cells.count == 5 && cells[3] == shown && cells[4].allSatisfy { $0 == "·" || $0 == " " })
      if t == 3 {
        #expect(
          cells[1]
            == h3.map { NumberFormat.signed($0) }.joined(separator: " ")
            .trimmingCharacters(in: .whitespaces))
      }
    }
  }

  /// Each parameter's gradient so far is the running sum of its latest term added, and
  /// dots before the backward pass reaches it.
  @Test func theGradientsSoFarAreTheRunningSums() throws {
    let chapter = try LossStageTests.chapter()
    let events = chapter.trace.events
    let sums = events.indices.filter {
      events[$0].pass == .backward && events[$0].result.name == "dL/dWh.bias"
    }
    #expect(sums.count == 4)
    let first = try #require(sums.first)
    func row(at step: Int) -> String? {
      PlayerView.render(LossStageTests.at(step, chapter, columns: 200, rows: 60)).lines
        .first { $0.hasPrefix("  dL/dWh.bias ") }
    }
    let before = try #require(row(at: first - 1))
    #expect(before.contains("·") && before.contains("not reached"), "\(before)")
    for (k, index) in sums.enumerated() {
      let shown = events[index].resultValue.scalars.map { NumberFormat.signed($0) }
        .joined(separator: " ").trimmingCharacters(in: .whitespaces)
      let line = try #require(row(at: index))
      #expect(line.contains(shown) && line.contains("\(k + 1) of 4 terms"), "\(line)")
    }
  }

  /// A strip whose words outnumber its rows still shows a few t, the live one among
  /// them, at the smallest screen.
  @Test func aLongSentencesStripKeepsAFewRowsAt80x24() throws {
    let words = (0..<30).map { ["the", "dog", "jumped", "over", "a"][$0 % 5] }
    let chapter = try LossStageTests.chapter(words: words, loss: .lastWord, rounds: nil)
    var state = PlayerState(
      content: PlayerContent(title: "test", chapters: [chapter]),
      size: ScreenSize(columns: 80, rows: 24))
    state.eventIndex = try LossStageTests.index(chapter) {
      $0.pass == .backward && $0.operation == .hiddenState && $0.t == 17
    }
    try Self.check(state, at: "t=17 of 30")
    let lines = PlayerView.render(state).lines
    #expect(lines.contains { $0.hasPrefix("t=17 █") }, "\(lines.joined(separator: "\n"))")
  }

  /// What every screen of the stage must hold; `at` names it in failures.
  static func check(_ state: PlayerState, at place: String) throws {
    let size = state.size
    let layout = try #require(PlayerView.layout(state), "\(place): too small")
    let grid = PlayerView.render(state)
    let screen = grid.text
    let strips = layout.placed.filter { $0.0 is GradientFlowPanel }
    let (strip, stripRect) = try #require(strips.first, "\(place): no strip")
    let flow = strip as! GradientFlowPanel
    // The strip: its title and scale, and a row per t up to a few.
    let fewest = min(flow.words, 5)
    #expect(stripRect.height >= 1 + fewest, "\(place): strip of \(stripRect.height) rows")
    let title = grid.lines[stripRect.y]
    #expect(
      title.contains("‖dL/dh_t‖ (") && (title.contains("linear") || title.contains("log")),
      "\(place): \(title)")
    let tRows = (stripRect.y + 1..<stripRect.maxY).filter { grid.lines[$0].hasPrefix("t=") }
    #expect(tRows.count >= fewest, "\(place):\n\(screen)")
    // No band left empty under the panels while the stage's panel or the strip could
    // have had its rows.
    let (main, mainRect) = layout.placed[0]
    let bottom =
      [layout.codeRow, layout.legendRow].compactMap { $0 }.min()
      ?? size.rows - 2 - layout.narrativeRows
    if stripRect.maxY < bottom {
      #expect(
        mainRect.height >= max(main.naturalHeight, 20)
          && stripRect.height == flow.naturalHeight,
        "\(place): rows \(stripRect.maxY)..<\(bottom) left empty\n\(screen)")
    }
    // Nothing outside the panels between the sentence and what is under them, nothing
    // cut off with a `…` in the middle of a word inside them.
    for y in 2..<bottom {
      for x in 0..<size.columns {
        let inside = layout.placed.contains { (_, r) in
          (r.x..<r.maxX).contains(x) && (r.y..<r.maxY).contains(y)
        }
        let cell = grid[x, y].text
        if !inside {
          #expect(cell == " " || cell.isEmpty, "\(place): \(cell) at \(x),\(y)\n\(screen)")
        } else if cell == "…", x > 0, let before = grid[x - 1, y].text.last {
          #expect(!before.isLetter, "\(place): cut at \(x),\(y): \(grid.lines[y])")
        }
      }
    }
  }
}

/// A backward product's weight operand is drawn as the matrix it is, a row of the screen
/// for each of its rows, where they fit.
struct GradientPanelMatrixTests {
  @Test func aWeightOperandShowsItsRows() throws {
    let chapter = try LossStageTests.chapter(rounds: nil)
    let index = try LossStageTests.index(chapter) {
      $0.pass == .backward && $0.operation == .matmulHidden && $0.operandCount == 2
        && $0.operands[1].value.rows > 1
    }
    var state = PlayerState(
      content: PlayerContent(title: "test", chapters: [chapter]),
      size: ScreenSize(columns: 120, rows: 40))
    state.eventIndex = index
    let weight = chapter.trace.events[index].operands[1].value
    // Columns are padded to a width: spaces collapsed, a row reads "│ a b c".
    let text = PlayerView.render(state).text.split(separator: " ", omittingEmptySubsequences: true)
      .joined(separator: " ")
    for r in 0..<weight.rows {
      let row = (0..<weight.columns).map {
        NumberFormat.value(weight.scalars[r * weight.columns + $0])
      }
      #expect(
        text.split(separator: "\n").contains { $0.contains("│ " + row.joined(separator: " ")) },
        "row \(r) of \(weight.shape):\n\(text)")
    }
  }
}
