/// Moving between chapters, and the boxes over the screen (the chapter menu, the
/// introduction): the next key always leads somewhere, and Esc only ever closes.
extension PlayerState {
  /// Goes to chapter `index`, at its first step or its last, and says so in a card.
  mutating func enterChapter(_ index: Int, atEnd: Bool) {
    chapterIndex = index
    eventIndex = atEnd ? chapter.stepCount - 1 : 0
    drill = nil
    isPlaying = false
    narrativeOffset = 0
    message = StatusMessage(chapter.heading.isEmpty ? "chapter \(index + 1)" : chapter.heading)
  }

  /// → past a chapter's last step goes on to the next chapter; ← before its first step
  /// goes back to the previous one's last. At the ends of the lesson, says what is left.
  mutating func enterNeighbourChapter(by delta: Int) {
    let target = chapterIndex + delta
    if content.chapters.indices.contains(target) {
      enterChapter(target, atEnd: delta < 0)
      return
    }
    if delta < 0 {
      message = StatusMessage("this is the first step")
    } else if content.chapters.count > 1 {
      message = StatusMessage(
        "the end of the lesson: c lists the chapters, g goes to this one's start")
    } else {
      message = StatusMessage("end of the trace: g goes back to the start")
    }
  }

  /// Esc: closes what is open, leaves the drill, drops a count; at the top it only says
  /// how to quit.
  mutating func cancel(count: Int?) {
    if drill != nil {
      drill = nil
    } else if count != nil {
      message = StatusMessage("count cleared")
    } else {
      message = StatusMessage("Esc closes boxes and leaves the drill; q quits")
    }
  }

  /// How long autoplay waits on this step: time to read the text that is new here (the
  /// step's own note, the narration line, the code line), scaled by the speed keys.
  public var autoplayDelayMilliseconds: Int {
    let note = StepNote(chapter, step: eventIndex + 1)
    var words = Narration.line(for: event).split(separator: " ").count
    if !note.isEarlier {
      for paragraph in note.paragraphs { words += paragraph.split(separator: " ").count }
    }
    if let code = chapter.code[eventIndex + 1] { words += code.split(separator: " ").count }
    return speed.delayMilliseconds(reading: words)
  }

  mutating func openChapterMenu() {
    guard content.chapters.count > 1 else {
      message = StatusMessage("there is only one chapter")
      return
    }
    isPlaying = false
    chapterMenu = chapterIndex
  }

  mutating func showIntroduction() {
    guard !chapter.introduction.isEmpty else {
      message = StatusMessage("this chapter has no introduction")
      return
    }
    isPlaying = false
    isShowingIntroduction = true
  }

  /// The keys of an open chapter menu or introduction; true when the action was theirs.
  /// Ctrl-C, ticks, resizes and export outcomes go on underneath.
  mutating func updateOverlay(_ action: PlayerAction) -> Bool {
    switch action {
    case .interrupt, .tick, .resize, .exported, .exportFailed, .recordingStarted,
      .recordingStopped, .recordingFailed:
      return false
    default: break
    }
    if isShowingHelp {
      let help = HelpOverlay.geometry(size)
      let page = max(1, help.rows - 1)
      let down = action == .nextWord || action == .textDown
      helpOffset = HelpOverlay.firstLine(
        offset: helpOffset + (down ? page : -page), rows: help.rows, count: help.lineCount)
      return true
    }
    if isShowingIntroduction {
      // Any key closes it, as the help; the key for it toggles.
      isShowingIntroduction = false
      return true
    }
    if panelMenu != nil {
      updatePanelMenu(action)
      return true
    }
    guard let selected = chapterMenu else { return false }
    let last = content.chapters.count - 1
    switch action {
    case .nextWord, .textDown: chapterMenu = min(last, selected + 1)
    case .previousWord, .previous, .textUp: chapterMenu = max(0, selected - 1)
    case .first: chapterMenu = 0
    case .last: chapterMenu = last
    case .next:
      chapterMenu = nil
      if selected != chapterIndex { enterChapter(selected, atEnd: false) }
    case .digit(let n):
      if n - 1 <= last {
        chapterMenu = nil
        if n - 1 != chapterIndex { enterChapter(n - 1, atEnd: false) }
      } else {
        message = StatusMessage("there is no chapter \(n): 1 to \(last + 1)", isError: true)
      }
    case .cancel, .quit, .chapterMenu, .help: chapterMenu = nil
    default:
      message = StatusMessage("↑ ↓ choose, Enter goes, a digit jumps, Esc closes")
    }
    return true
  }
}
