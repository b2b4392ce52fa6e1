import Model

/// The screen as a function of the state: header, sentence, the panels of the current
/// word, the narration, the lesson's text if any, and the status line.
public enum PlayerView {
  /// Narrower or shorter than this, only the message screen is shown.
  public static let minimumSize = ScreenSize(columns: 40, rows: 12)
  /// A lesson's text takes at most this share of the rows, so the panels keep room.
  static let maximumNarrativeShare = 0.5

  public static func render(_ state: PlayerState) -> CellGrid { frame(state).grid }

  /// The screen, and how the lesson's text sits in it (nil on the message screen): what
  /// the loop hands back to the state with `.shown`, so that `{` and `}` know how far the
  /// text can scroll without the update laying out the screen itself.
  public static func frame(_ state: PlayerState) -> (grid: CellGrid, text: TextViewport?) {
    var grid = CellGrid(size: state.size)
    let size = state.size
    let panels = PanelLayout.panels(for: state)
    guard let layout = layout(state, panels: panels) else {
      TooSmallScreen.draw(on: &grid, needed: neededSizes(panels))
      return (grid, nil)
    }
    let context = PanelContext(state: state)
    let narrativeRows = layout.narrativeRows
    HeaderLine.draw(on: &grid, state: state)
    SentenceLine.draw(on: &grid, y: 1, state: state)
    for (panel, rect) in layout.placed {
      panel.draw(on: &grid, in: rect, context: context)
    }
    if narrativeRows > 0 {
      NarrativePane.draw(
        on: &grid, lines: layout.narrative, from: state.narrativeOffset, rows: narrativeRows,
        y: size.rows - 2 - narrativeRows)
    }
    let narration = Narration.line(for: state.event, drill: state.drill)
    let y = size.rows - 2
    let x = grid.put("» ", x: 0, y: y, style: Theme.label)
    putClipped(&grid, narration, x: x, y: y, style: Theme.narration)
    StatusLine.draw(on: &grid, state: state)
    if state.isShowingHelp { HelpOverlay.draw(on: &grid) }
    return (grid, TextViewport(lineCount: layout.narrative.count, rows: narrativeRows))
  }

  /// Where the panels go and how many rows the lesson's text gets.
  struct Layout {
    let placed: [(any Panel, Rect)]
    /// The lesson's text for this step, wrapped to the screen.
    let narrative: [String]
    let narrativeRows: Int
  }

  /// The layout of a screen big enough for the player, or nil when the panels do not
  /// fit (the message screen is shown instead).
  static func layout(_ state: PlayerState, panels: [any Panel]? = nil) -> Layout? {
    let size = state.size
    guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else { return nil }
    let panels = panels ?? PanelLayout.panels(for: state)
    let narrative = NarrativePane.lines(
      state.section.narrative(at: state.position + 1), width: size.columns - 2)
    // The lesson's text takes the rows the panels leave, and gives way to them when
    // the screen is short.
    var narrativeRows = min(
      narrative.count, Int(Double(size.rows) * maximumNarrativeShare))
    while true {
      let top = 2
      let bottom = size.rows - 2 - narrativeRows
      let area = Rect(x: 0, y: top, width: size.columns, height: bottom - top)
      if area.height > 0, let placed = PanelLayout.arrange(panels, in: area) {
        return Layout(placed: placed, narrative: narrative, narrativeRows: narrativeRows)
      }
      if narrativeRows == 0 { return nil }
      narrativeRows -= 1
    }
  }

  /// The screens this word's panels fit on, for the message on a smaller one.
  static func neededSizes(_ panels: [any Panel]) -> [ScreenSize] {
    PanelLayout.minimumSizes(panels, chromeRows: 4, minimumWidth: minimumSize.columns).map {
      ScreenSize(columns: $0.columns, rows: max($0.rows, minimumSize.rows))
    }
  }

  /// Writes `text` up to the right edge, ending with `…` if it did not all fit.
  static func putClipped(
    _ grid: inout CellGrid, _ text: String, x: Int, y: Int, style: CellStyle, limit: Int? = nil
  ) {
    let limit = limit ?? grid.width
    let escaped = TerminalText.escaped(text)
    if x + DisplayWidth.of(escaped) <= limit {
      grid.put(escaped, x: x, y: y, style: style, limit: limit)
      return
    }
    let end = grid.put(escaped, x: x, y: y, style: style, limit: limit - 1)
    grid.put("…", x: end, y: y, style: Theme.gap, limit: limit)
  }
}
