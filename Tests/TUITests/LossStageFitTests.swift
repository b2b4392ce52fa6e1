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
