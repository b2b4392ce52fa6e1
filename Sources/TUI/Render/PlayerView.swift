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
      if let first = panel.events.first, state.isHidden(event: first) {
        PanelMenu.drawHidden(on: &grid, in: rect, events: panel.events, context: context)
        continue
      }
      panel.draw(on: &grid, in: rect, context: context)
      // The original run, shown while the edited one has not reached this step: greyed.
      if state.isAwaitingRecompute {
        recede(&grid, rect)
        continue
      }
      // While drilling, the steps still to come recede, so that no final value there
      // competes with the running sum; what the drill reads stays marked.
      if state.drill != nil, panel.events.allSatisfy({ $0 > state.eventIndex }) {
        recede(&grid, rect)
      }
    }
    // While a question is asked, its lines take the text's place (and `}` scrolls them).
    let textLines =
      QuizLine.paneLines(state, width: size.columns - 2)
      ?? WhatIfNote.lines(state, width: size.columns - 2) + layout.narrative
    ChangeMarks.mark(&grid, state: state, placed: layout.placed)
    if narrativeRows > 0 {
      NarrativePane.draw(
        on: &grid, lines: textLines,
        from: state.narrativeOffset, rows: narrativeRows,
        y: size.rows - 2 - narrativeRows,
        style: layout.noteIsEarlier ? Theme.narrativeEarlier : Theme.narrative)
    }
    if let row = layout.codeRow { CodeLine.draw(on: &grid, y: row, state: state) }
    if let row = layout.legendRow { LegendLine.draw(on: &grid, y: row, state: state) }
    // A hidden panel's numbers stay hidden on the narration line too, also where this
    // step reads them (the sum reads the hidden path).
    let readsHidden =
      state.trainingScreen == nil
      && (0..<state.event.operandCount).contains {
        !context.isKnown(state.event.operandName($0).string, before: state.eventIndex)
      }
    let narration =
      state.editor.map { EditPromptLine.narration($0, message: state.message) }
      ?? (state.isAwaitingRecompute ? WhatIfNote.awaiting(state) : nil)
      ?? state.quiz.asking.map { QuizLine.question($0, event: state.event) }
      ?? (state.isHidden(event: state.eventIndex)
        ? "this step's panel is hidden (v shows it)"
        : readsHidden
          ? "this step reads a hidden panel's value (v shows it)"
          : (state.showsDelta ? "Δ from the original run: " : "")
            + (state.trainingScreen.flatMap { Narration.line(for: $0, in: state.chapter) }
              ?? Narration.line(for: state.event, drill: state.drill)))
    let y = size.rows - 2
    let x = grid.put("» ", x: 0, y: y, style: Theme.label)
    putClipped(&grid, narration, x: x, y: y, style: Theme.narration)
    StatusLine.draw(on: &grid, state: state)
    if let selected = state.chapterMenu {
      ChapterMenu.draw(on: &grid, state: state, selected: selected)
    }
    if let selected = state.panelMenu {
      PanelMenu.draw(on: &grid, state: state, selected: selected)
    }
    if state.isShowingIntroduction { IntroductionBox.draw(on: &grid, state: state) }
    if state.isShowingHelp { HelpOverlay.draw(on: &grid, offset: state.helpOffset) }
    return (grid, TextViewport(lineCount: textLines.count, rows: narrativeRows))
  }

  /// Where the panels go and how many rows the lesson's text gets.
  struct Layout {
    let placed: [(any Panel, Rect)]
    /// The lesson's text for this step, wrapped to the screen.
    let narrative: [String]
    let narrativeRows: Int
    /// Whether the text is an earlier step's note still standing (drawn dim).
    let noteIsEarlier: Bool
    /// The row of the line of lesson code under the panels, if the chapter has code.
    let codeRow: Int?
    /// The row of the one-line legend, when there is room for it.
    let legendRow: Int?
  }

  /// The layout of a screen big enough for the player, or nil when the panels do not
  /// fit (the message screen is shown instead).
  ///
  /// Everything but the text's content is the same at every step of a chapter (and
  /// changes only with the screen's size): the rows the text gets are the most any of
  /// the chapter's notes needs, so the panels never move while the learner steps.
  static func layout(_ state: PlayerState, panels: [any Panel]? = nil) -> Layout? {
    let size = state.size
    guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else { return nil }
    let panels = panels ?? PanelLayout.panels(for: state)
    let width = size.columns - 2
    let step = state.eventIndex + 1
    let note = StepNote(state.chapter, step: step)
    let answered = state.quiz.answered[[state.chapterIndex, state.eventIndex]]
    let narrative = NarrativePane.lines(
      (answered.map { [$0] } ?? []) + note.paragraphs, width: width)
    let reserved = min(
      StepNote.mostLines(state.chapter, width: width),
      Int(Double(size.rows) * maximumNarrativeShare))
    let hasCode = !state.chapter.code.isEmpty
    // The legend gives way first, then the text's rows, then the code line.
    var options: [(legend: Bool, code: Bool, narrative: Int)] = [(true, hasCode, reserved)]
    for rows in stride(from: reserved, through: 0, by: -1) {
      options.append((false, hasCode, rows))
    }
    if hasCode { options.append((false, false, 0)) }
    for option in options {
      let extra = (option.legend ? 1 : 0) + (option.code ? 1 : 0)
      let top = 2
      let bottom = size.rows - 2 - option.narrative - extra
      let area = Rect(x: 0, y: top, width: size.columns, height: bottom - top)
      guard area.height > 0, let placed = PanelLayout.arrange(panels, in: area) else { continue }
      var row = bottom
      let codeRow = option.code ? row : nil
      if option.code { row += 1 }
      let legendRow = option.legend ? row : nil
      return Layout(
        placed: placed, narrative: narrative, narrativeRows: option.narrative,
        noteIsEarlier: note.isEarlier, codeRow: codeRow, legendRow: legendRow)
    }
    // A drill that cannot have its rows still shows, in the room a product has anyway.
    if panels.contains(where: { ($0 as? ProductPanel)?.drilled == true }) {
      return layout(state, panels: panels.map { Self.undrilled($0) })
    }
    return nil
  }

  /// `panel`, as laid out when no drill is under way.
  private static func undrilled(_ panel: any Panel) -> any Panel {
    guard var product = panel as? ProductPanel else { return panel }
    product.drilled = false
    return product
  }

  /// The screens this word's panels fit on, for the message on a smaller one.
  static func neededSizes(_ panels: [any Panel]) -> [ScreenSize] {
    // A drill asks for rows only where there is room: it needs no bigger screen.
    PanelLayout.minimumSizes(
      panels.map { undrilled($0) }, chromeRows: 4, minimumWidth: minimumSize.columns
    ).map {
      ScreenSize(columns: $0.columns, rows: max($0.rows, minimumSize.rows))
    }
  }

  /// Greys `rect` out, keeping what marks what the step reads (reverse video, underline).
  static func recede(_ grid: inout CellGrid, _ rect: Rect) {
    for y in rect.y..<rect.maxY {
      grid.restyle(x: rect.x, y: y, count: rect.width) { style in
        guard !style.reverse else { return }
        let marked = style.underline
        style = Theme.pending
        style.underline = marked
      }
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
