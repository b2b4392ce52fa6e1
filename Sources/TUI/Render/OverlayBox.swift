/// A box over the middle of the screen with a title, lines and a footer: the chapter
/// menu and the recalled introduction.
enum OverlayBox {
  struct Line {
    var text: String
    var style: CellStyle = .plain
  }

  static func draw(
    on grid: inout CellGrid, title: String, lines: [Line], footer: String, width wanted: Int
  ) {
    let width = min(grid.width - 2, wanted + 4)
    let height = min(grid.height - 2, lines.count + 4)
    let x = (grid.width - width) / 2
    let y = (grid.height - height) / 2
    grid.fill(Rect(x: x, y: y, width: width, height: height))
    let horizontal = String(repeating: "─", count: max(0, width - 2))
    grid.put("┌" + horizontal + "┐", x: x, y: y, style: Theme.chrome)
    grid.put(" \(title) ", x: x + 2, y: y, style: Theme.titleCurrent, limit: x + width - 2)
    for row in 1..<max(1, height - 1) {
      grid.put("│", x: x, y: y + row, style: Theme.chrome)
      grid.put("│", x: x + width - 1, y: y + row, style: Theme.chrome)
    }
    grid.put("└" + horizontal + "┘", x: x, y: y + height - 1, style: Theme.chrome)
    let room = max(0, height - 4)
    for (i, line) in lines.prefix(room).enumerated() {
      let last = i == room - 1 && lines.count > room
      PlayerView.putClipped(
        &grid, last ? "… \(lines.count - room + 1) more lines: enlarge the terminal" : line.text,
        x: x + 2, y: y + 1 + i, style: last ? Theme.label : line.style, limit: x + width - 2)
    }
    PlayerView.putClipped(
      &grid, footer, x: x + 2, y: y + height - 2, style: Theme.label, limit: x + width - 2)
  }
}

/// `c`: every chapter, the one playing marked, the one chosen highlighted.
enum ChapterMenu {
  static func draw(on grid: inout CellGrid, state: PlayerState, selected: Int) {
    let chapters = state.content.chapters
    var lines: [OverlayBox.Line] = []
    for (i, chapter) in chapters.enumerated() {
      let number = chapter.number ?? i + 1
      let mark = i == state.chapterIndex ? "▸" : " "
      let title = chapter.title.isEmpty ? chapter.heading : chapter.title
      let text = "\(mark) \(number)  \(TerminalText.escaped(title))  (\(chapter.stepCount) steps)"
      lines.append(
        OverlayBox.Line(text: text, style: i == selected ? Theme.titleCurrent : .plain))
    }
    let footer = "↑ ↓ choose · Enter go · 1…\(min(9, chapters.count)) jump · Esc close"
    let width = max(
      lines.map { DisplayWidth.of($0.text) }.max() ?? 0, DisplayWidth.of(footer))
    OverlayBox.draw(on: &grid, title: "chapters", lines: lines, footer: footer, width: width)
  }
}

/// `i`: the chapter's introduction, wrapped, over the screen.
enum IntroductionBox {
  static func draw(on grid: inout CellGrid, state: PlayerState) {
    let width = min(grid.width - 6, 76)
    var lines: [OverlayBox.Line] = []
    for (i, paragraph) in state.chapter.introduction.enumerated() {
      if i > 0 { lines.append(OverlayBox.Line(text: "")) }
      lines += NarrativePane.lines([paragraph], width: width).map { OverlayBox.Line(text: $0) }
    }
    OverlayBox.draw(
      on: &grid, title: state.chapter.heading, lines: lines, footer: "any key closes this",
      width: width)
  }
}

/// `v`: the kinds of panel, each shown or hidden; and a hidden panel in its place.
enum PanelMenu {
  static func draw(on grid: inout CellGrid, state: PlayerState, selected: Int) {
    var lines: [OverlayBox.Line] = []
    for (i, kind) in state.panelKinds.enumerated() {
      let mark = state.hiddenPanels.contains(kind) ? "[ ] hidden" : "[x] shown "
      lines.append(
        OverlayBox.Line(
          text: "\(i + 1)  \(mark)  \(kind.title)",
          style: i == selected ? Theme.titleCurrent : .plain))
    }
    let footer = "↑ ↓ choose · Space show/hide · 0 all · Esc close"
    let width = max(lines.map { DisplayWidth.of($0.text) }.max() ?? 0, DisplayWidth.of(footer))
    OverlayBox.draw(on: &grid, title: "panels", lines: lines, footer: footer, width: width)
  }

  /// The panel's place kept, its title saying it is hidden and how to show it.
  static func drawHidden(
    on grid: inout CellGrid, in rect: Rect, events: [Int], context: PanelContext
  ) {
    let index = events[0]
    let kind = PanelKind(context.events[index].operation)
    context.drawTitle(
      on: &grid, in: rect, event: index, panel: events, name: kind.name,
      detail: "hidden (v shows it)")
  }
}
