import Model

/// One operation's box on the screen (or a pair: a product and its bias).
///
/// Heights come first so that the layout can choose columns and shrink the panels that
/// can elide rows; `draw` then fills whatever rectangle the layout gave.
protocol Panel {
  /// The events this panel shows, as indices into the chapter's events.
  var events: [Int] { get }
  /// The rows it needs to show everything.
  var naturalHeight: Int { get }
  /// The fewest rows it can still make sense in (rows elided, plot dropped).
  var minimumHeight: Int { get }
  /// Which panels give rows up first when the screen is short: the highest, down to
  /// their minimum, before the next.
  var shrinkPriority: Int { get }
  func draw(on grid: inout CellGrid, in rect: Rect, context: PanelContext)
}

extension Panel {
  var shrinkPriority: Int { 1 }
}

/// Where an event stands relative to the current step.
enum EventStatus {
  case done
  case current
  /// Not yet run at this step, like a notebook cell that has not been executed.
  case pending
}

/// What every panel needs to know about the player's state.
struct PanelContext {
  let state: PlayerState

  var events: PlayerTrace.Events { state.trace.events }
  var variant: Variant { state.trace.model.variant }
  var stepDigits: Int { String(state.chapter.stepCount).count }

  /// The value the current step reads, to be marked where it came from: the vector of a
  /// product (e_t or h_{t-1}) and, in a drill, the element of the term in hand.
  var reading: (name: String, element: Int?)? {
    guard let product = state.product else { return nil }
    return (product.vector.name, state.drill?.term)
  }

  /// Whether the what-if edit cursor is on element `index` of parameter `name`.
  func isEditCursor(_ name: String, _ index: [Int]) -> Bool {
    state.editor?.isCursor(name, index) ?? false
  }

  /// The column of a row vector (a bias, h_0, a row of the table) the edit cursor is on.
  func editCursorColumn(_ name: String) -> Int? {
    guard let editor = state.editor, editor.target.kind == .parameter(name) else { return nil }
    return editor.cursor.column
  }

  /// h_0 … h_T of the original run, beside the edited ones, while a what-if is shown.
  var originalHiddenStates: HiddenStates? {
    state.whatIf != nil && !state.showsDelta ? state.originalChapter.hiddenStates : nil
  }

  func status(_ index: Int) -> EventStatus {
    // A result the quiz asks about is not shown until it is guessed.
    if state.quiz.hides(chapter: state.chapterIndex, event: index) { return .pending }
    return index < state.eventIndex ? .done : index == state.eventIndex ? .current : .pending
  }

  func panelStatus(_ indices: [Int]) -> EventStatus {
    if indices.contains(state.eventIndex) { return .current }
    return indices.allSatisfy { $0 < state.eventIndex } ? .done : .pending
  }

  /// `[ 7]` for a step that has run, `[  ]` for one that has not.
  func stepLabel(_ index: Int) -> String {
    let digits = stepDigits
    if status(index) == .pending { return "[" + String(repeating: " ", count: digits) + "]" }
    let number = String(index + 1)
    return "[" + String(repeating: " ", count: digits - number.count) + number + "]"
  }

  /// The panel's title line: its step, its name and its formula, the rest a rule; the
  /// current panel in reverse video, a pending one dim and marked so.
  func drawTitle(
    on grid: inout CellGrid, in rect: Rect, event index: Int, panel: [Int], name: String,
    detail: String = ""
  ) {
    let status = panelStatus(panel)
    let style: CellStyle
    switch status {
    case .current: style = Theme.titleCurrent
    case .done: style = Theme.titleDone
    case .pending: style = Theme.titlePending
    }
    let y = rect.y
    grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1))
    let title = "\(stepLabel(index)) \(name) " + (detail.isEmpty ? "" : detail + " ")
    PlayerView.putClipped(&grid, title, x: rect.x, y: y, style: style, limit: rect.maxX)
    let x = min(rect.maxX, rect.x + DisplayWidth.of(TerminalText.escaped(title)))
    let note = "not run yet"
    if status == .pending, x + DisplayWidth.of(note) + 2 <= rect.maxX {
      grid.put(" " + note, x: rect.maxX - DisplayWidth.of(note) - 1, y: y, style: Theme.pending)
    }
    let ruleStyle = status == .current ? Theme.titleCurrent : Theme.rule
    let ruleChar: Unicode.Scalar = status == .current ? " " : "─"
    if x < rect.maxX, status != .pending {
      grid.put(
        repeating: ruleChar, count: rect.maxX - x, x: x, y: y, style: ruleStyle,
        limit: rect.maxX)
    }
  }
}

/// The columns of values a panel shows: which elements, how wide each is.
struct ValueColumns {
  /// Element indices, nil for a gap.
  let indices: [Int?]
  let width: Int

  /// Plans `count` columns of width `width` in `available` columns, keeping `focus`.
  init(count: Int, width: Int, available: Int, focus: Int?) {
    self.width = width
    let capacity = max(1, available / width)
    indices = Elision.indices(count: count, capacity: capacity, focus: focus)
  }

  /// Columns already chosen.
  init(indices: [Int?], width: Int) {
    self.indices = indices
    self.width = width
  }

  var totalWidth: Int { indices.count * width }

  /// Draws one row of values starting at `x`: `text(i)` and `style(i)` for element i,
  /// each right-aligned in its column.
  func draw(
    on grid: inout CellGrid, x: Int, y: Int, limit: Int, text: (Int) -> ValueCell,
    style: (Int) -> CellStyle
  ) {
    var column = x
    for index in indices {
      guard let index else {
        Self.put(
          .text("…"), in: &grid, x: column, width: width, y: y, style: Theme.gap, limit: limit)
        column += width
        continue
      }
      Self.put(
        text(index), in: &grid, x: column, width: width, y: y, style: style(index), limit: limit)
      column += width
    }
  }

  private static func put(
    _ cell: ValueCell, in grid: inout CellGrid, x: Int, width: Int, y: Int, style: CellStyle,
    limit: Int
  ) {
    switch cell {
    case .value(let v):
      NumberFormat.withSigned(v) { bytes in
        grid.put(ascii: bytes, rightAlignedIn: width, x: x, y: y, style: style, limit: limit)
      }
    case .text(let text):
      let pad = max(0, width - DisplayWidth.of(text))
      grid.put(repeating: " ", count: pad, x: x, y: y, limit: limit)
      grid.put(text, x: x + pad, y: y, style: style, limit: limit)
    }
  }
}

/// The widest signed number among `values`, plus a space.
func columnWidth(_ values: [Float]) -> Int { ColumnWidth(values).columns }

/// A value, or a dot where the operation has not run yet.
func valueText(_ v: Float, pending: Bool) -> ValueCell {
  pending ? .text("·") : .value(v)
}

func valueStyle(_ v: Float, pending: Bool) -> CellStyle {
  pending ? Theme.pending : Theme.value(v)
}

extension PanelContext {
  /// Whether the operand `name` of event `index` has a value to show at the current
  /// step: a parameter always has; an earlier result of the same time step only once its
  /// operation has run, and not while its panel is hidden (`v`): a hidden path's value
  /// would otherwise show in the sum it goes into.
  func isKnown(_ name: String, before index: Int) -> Bool {
    let t = events[index].t
    var i = index - 1
    while i >= 0, events[i].t == t {
      // A product being drilled is not finished: its result is not known yet.
      if events[i].result.name == name {
        if state.isHidden(event: i) { return false }
        return status(i) == .done || (status(i) == .current && state.drill == nil)
      }
      i -= 1
    }
    return true
  }
}
