import Model

extension PlayerState {
  /// Applies one action and says what, if anything, the outside world must do.
  @discardableResult
  public mutating func update(_ action: PlayerAction) -> PlayerEffect? {
    // A search under way goes on between keys; Esc and Ctrl-C stop it, and any other
    // key stops it and then does what it does.
    if search.running != nil {
      switch action {
      case .searchSlice:
        continueSearch()
        return nil
      case .cancel, .interrupt:
        stopSearch()
        return nil
      case .tick, .shown, .resize: break
      default: stopSearch()
      }
    }
    if case .searchInput(let key) = action {
      typeInSearch(key)
      return nil
    }
    if case .editInput(let key) = action {
      typeInEditor(key)
      return nil
    }
    if case .quizInput(let key) = action {
      let step = (chapterIndex, eventIndex)
      typeInQuiz(key)
      // A revealed answer stays until the next key; the next-step keys reveal and stay.
      if step != (chapterIndex, eventIndex) { askIfQuizzing() }
      return nil
    }
    if action == .recomputeSlice {
      advanceRecompute()
      return nil
    }
    if action != .tick && !isResize(action) && !isShown(action) { message = nil }
    if isShowingHelp, closesHelp(action) {
      isShowingHelp = false
      return nil
    }
    if updateOverlay(action) { return nil }
    let pendingCount = typedNumber
    if !keepsCount(action) { typedNumber = nil }
    let step = (chapterIndex, eventIndex)
    defer {
      // Another step has another text, read from its top.
      if step != (chapterIndex, eventIndex) {
        narrativeOffset = 0
        askIfQuizzing()
      }
    }
    switch action {
    case .next: next()
    case .previous: previous()
    case .nextWord: moveToWord(wordIndex + 1)
    case .previousWord: previousWord()
    case .first: go(to: pendingCount.map { $0 - 1 } ?? 0)
    case .last: go(to: pendingCount.map { $0 - 1 } ?? chapter.stepCount - 1)
    case .togglePlay: togglePlay()
    case .tick: tick()
    case .faster:
      speed = speed.faster()
      message = StatusMessage("speed \(speed.label)")
    case .slower:
      speed = speed.slower()
      message = StatusMessage("speed \(speed.label)")
    case .normalSpeed:
      if let pendingCount {
        appendDigit(0, to: pendingCount)
      } else {
        speed = .normal
        message = StatusMessage("speed \(speed.label)")
      }
    case .digit(let digit): appendDigit(digit, to: pendingCount)
    case .drill: toggleDrill()
    case .textDown: scrollText(pages: 1)
    case .textUp: scrollText(pages: -1)
    case .help:
      isShowingHelp = true
      helpOffset = 0
    case .cancel: cancel(count: pendingCount)
    case .chapterMenu: openChapterMenu()
    case .introduction: showIntroduction()
    case .panelMenu: openPanelMenu()
    case .redraw: return .repaint
    case .quit, .interrupt: isQuitting = true
    case .suspend:
      isPlaying = false
      return .suspend
    case .nextChapter: changeChapter(by: 1)
    case .previousChapter: changeChapter(by: -1)
    case .export:
      guard canExport else {
        message = StatusMessage("export is not available here", isError: true)
        return nil
      }
      return .export(chapter: chapterIndex)
    case .exported(let path): message = StatusMessage("exported to \(path)")
    case .exportFailed(let reason):
      message = StatusMessage("export failed: \(reason)", isError: true)
    case .record:
      guard canRecord else {
        message = StatusMessage("recording is not available here", isError: true)
        return nil
      }
      return isRecording ? .stopRecording : .startRecording
    case .recordingStarted(let path):
      isRecording = true
      message = StatusMessage("recording to \(path) (r stops)")
    case .recordingStopped(let path, let steps):
      isRecording = false
      let text = "recorded \(steps) step\(steps == 1 ? "" : "s") to \(path)"
      message = StatusMessage(text)
      if isQuitting { closingNote = text }
    case .recordingFailed(let reason):
      isRecording = false
      message = StatusMessage("recording failed: \(reason)", isError: true)
      if isQuitting { closingNote = "recording failed: \(reason)" }
    case .resize(let newSize): size = newSize
    case .search: openSearch()
    case .searchNext: repeatSearch(forward: true)
    case .searchPrevious: repeatSearch(forward: false)
    case .searchInput, .quizInput, .editInput, .searchSlice: break
    case .whatIf: openEditor()
    case .undoEdit: undoEdit()
    case .revertEdits: revertEdits()
    case .delta: toggleDelta()
    case .recomputeSlice: advanceRecompute()
    case .quiz: toggleQuiz()
    case .shown(let viewport): textViewport = viewport
    case .unbound(let key):
      message = StatusMessage("\(key.label) does nothing here; ? lists every key")
    }
    return nil
  }

  /// Moves the lesson's text by pages of the rows it has, keeping a line of overlap
  /// (as `less` does); says so when there is nothing to scroll.
  private mutating func scrollText(pages: Int) {
    guard let text = textViewport, text.lineCount > 0 else {
      message = StatusMessage("no lesson text at this step")
      return
    }
    guard text.rows > 0 else {
      message = StatusMessage("no room for the lesson's text: enlarge the terminal")
      return
    }
    guard text.lineCount > text.rows else {
      message = StatusMessage("the lesson's text for this step is all on screen")
      return
    }
    let rows = text.rows
    let first = NarrativePane.firstLine(
      lineCount: text.lineCount, rows: rows, offset: narrativeOffset)
    narrativeOffset = NarrativePane.firstLine(
      lineCount: text.lineCount, rows: rows, offset: first + pages * max(1, rows - 1))
    if narrativeOffset == first {
      message = StatusMessage(
        pages > 0 ? "the end of this step's text ({ goes back)" : "the top of this step's text")
    }
  }

  private func isResize(_ action: PlayerAction) -> Bool {
    if case .resize = action { return true }
    return false
  }

  private func isShown(_ action: PlayerAction) -> Bool {
    if case .shown = action { return true }
    return false
  }

  /// In the help any key closes it and does nothing else, as in a pager's help;
  /// Ctrl-C still quits, and resizes and ticks go on underneath.
  private func closesHelp(_ action: PlayerAction) -> Bool {
    switch action {
    case .interrupt, .tick, .resize, .shown, .exported, .exportFailed, .recordingStarted,
      .recordingStopped, .recordingFailed:
      false
    // Scrolling the help's legend and glossary.
    case .nextWord, .previousWord, .textDown, .textUp: false
    default: true
    }
  }

  private func keepsCount(_ action: PlayerAction) -> Bool {
    switch action {
    case .digit, .normalSpeed, .tick, .resize, .shown: true
    default: false
    }
  }

  private mutating func appendDigit(_ digit: Int, to pending: Int?) {
    let (value, overflow) = (pending ?? 0).multipliedReportingOverflow(by: 10)
    typedNumber = overflow || value > 1_000_000_000 ? pending : value + digit
  }

  private mutating func next() {
    if let drill, let product {
      if drill.term + 1 < product.inner {
        self.drill = DrillPosition(output: drill.output, term: drill.term + 1)
        return
      }
      if drill.output + 1 < product.outputs {
        self.drill = DrillPosition(output: drill.output + 1, term: 0)
        return
      }
      self.drill = nil
    }
    guard !isAtEnd else {
      enterNeighbourChapter(by: 1)
      return
    }
    eventIndex += 1
  }

  private mutating func previous() {
    if let drill, let product {
      if drill.term > 0 {
        self.drill = DrillPosition(output: drill.output, term: drill.term - 1)
      } else if drill.output > 0 {
        self.drill = DrillPosition(output: drill.output - 1, term: product.inner - 1)
      } else {
        self.drill = nil
      }
      return
    }
    guard eventIndex > 0 else {
      enterNeighbourChapter(by: -1)
      return
    }
    eventIndex -= 1
  }

  private mutating func previousWord() {
    let start = chapter.wordEvents[wordIndex].lowerBound
    // Back to the start of this word first, as a player's "previous" does mid-track.
    moveToWord(eventIndex > start ? wordIndex : wordIndex - 1)
  }

  private mutating func moveToWord(_ index: Int) {
    drill = nil
    guard index >= 0 else {
      message = StatusMessage("this is the first word")
      return
    }
    guard index < chapter.wordEvents.count else {
      message = StatusMessage("this is the last word")
      return
    }
    eventIndex = chapter.wordEvents[index].lowerBound
  }

  private mutating func go(to index: Int) {
    drill = nil
    let last = chapter.stepCount - 1
    if index < 0 || index > last {
      message = StatusMessage(
        "there is no step \(index + 1): steps go from 1 to \(last + 1)", isError: true)
      return
    }
    eventIndex = index
  }

  private mutating func togglePlay() {
    if isPlaying {
      isPlaying = false
      return
    }
    drill = nil
    if isAtEnd { eventIndex = 0 }
    isPlaying = true
  }

  private mutating func tick() {
    guard isPlaying else { return }
    if isAtEnd && drill == nil {
      isPlaying = false
      return
    }
    next()
    if isAtEnd && drill == nil { isPlaying = false }
  }

  private mutating func toggleDrill() {
    if drill != nil {
      drill = nil
      return
    }
    guard !showsDelta else {
      message = StatusMessage("the drill adds up values, not changes: D shows the values first")
      return
    }
    guard product != nil else {
      message = StatusMessage(
        "d drills into a product (W·x); this step is \(event.operation.rawValue)")
      return
    }
    isPlaying = false
    drill = DrillPosition(output: 0, term: 0)
  }

  private mutating func changeChapter(by delta: Int) {
    let target = chapterIndex + delta
    guard content.chapters.indices.contains(target) else {
      message = StatusMessage(
        content.chapters.count == 1
          ? "there is only one chapter"
          : delta > 0 ? "this is the last chapter" : "this is the first chapter")
      return
    }
    enterChapter(target, atEnd: false)
  }
}
